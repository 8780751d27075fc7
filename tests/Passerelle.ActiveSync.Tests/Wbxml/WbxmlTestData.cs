using System.Globalization;

namespace Passerelle.ActiveSync.Tests.Wbxml;

/// <summary>Files copied next to the tests, and small builders of WBXML bytes.</summary>
internal static class WbxmlTestData
{
    public static readonly byte[] Header = [0x03, 0x01, 0x6A, 0x00];

    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static string[] GoldenNames { get; } = ["foldersync-request", "sync-request-bodypref", "sync-response-body"];

    public static byte[] GoldenBytes(string name) =>
        FromHex(File.ReadAllText(PathOf("Wbxml", "Golden", name + ".wbxml.hex")));

    public static string GoldenXml(string name) => File.ReadAllText(PathOf("Wbxml", "Golden", name + ".xml"));

    public static byte[] FromHex(string hex) =>
        hex.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>The header followed by the body bytes.</summary>
    public static byte[] Document(params byte[] body) => [.. Header, .. body];
}
