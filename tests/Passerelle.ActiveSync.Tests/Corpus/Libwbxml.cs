using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>
/// Runs Debian's libwbxml tools (<c>libwbxml2-utils</c>): <c>xml2wbxml</c> and <c>wbxml2xml</c>,
/// an independent WBXML codec. A missing tool fails the test with the package to install.
/// </summary>
internal static class Libwbxml
{
    private const string Doctype = "<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Encodes with <c>xml2wbxml -k -a -n -v 1.3</c> (keep whitespace, no public id, no string
    /// table: the EAS header), or <c>-k -v 1.3</c> with its string table and public id string.
    /// </summary>
    public static async Task<byte[]> XmlToWbxmlAsync(string libwbxmlXml, bool withStringTable = false)
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.xml");
        var output = temp.File("out.wbxml");
        File.WriteAllText(input, libwbxmlXml);
        string[] flags = withStringTable ? ["-k", "-v", "1.3"] : ["-k", "-a", "-n", "-v", "1.3"];
        await RunAsync("xml2wbxml", [.. flags, "-o", output, input]);
        return await File.ReadAllBytesAsync(output);
    }

    /// <summary>Decodes with <c>wbxml2xml -l ACTIVESYNC -m 0</c> (compact, nothing added between elements).</summary>
    public static async Task<string> WbxmlToXmlAsync(byte[] wbxml)
    {
        using var temp = new TempDirectory();
        var input = temp.File("in.wbxml");
        var output = temp.File("out.xml");
        File.WriteAllBytes(input, wbxml);
        await RunAsync("wbxml2xml", ["-l", "ACTIVESYNC", "-m", "0", "-o", output, input]);
        return WithoutDoctype(await File.ReadAllTextAsync(output));
    }

    /// <summary>
    /// Our XML in libwbxml's dialect (its names, its GAL namespace, base64 for its binary tags),
    /// compact so that <c>-k</c> keeps every text exactly, with the ActiveSync DOCTYPE it expects.
    /// </summary>
    public static string ToDialect(string ourXml)
    {
        var source = XElement.Parse(ourXml);
        var pages = source.DescendantsAndSelf().Select(e => TagOf(e).Page).Distinct().ToList();
        var root = Convert(source);
        root.Add(new XAttribute("xmlns", LibwbxmlDialect.NamespaceOf(pages[0])));
        foreach (var page in pages.Skip(1))
        {
            var ns = LibwbxmlDialect.NamespaceOf(page);
            root.Add(new XAttribute(XNamespace.Xmlns + ns.TrimEnd(':').ToLowerInvariant(), ns));
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + Doctype + root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Convert(XElement element)
    {
        var tag = TagOf(element);
        if (LibwbxmlDialect.IsMissing(tag))
        {
            throw new InvalidOperationException($"libwbxml cannot encode {tag}");
        }

        var name = XName.Get(LibwbxmlDialect.NameOf(tag), LibwbxmlDialect.NamespaceOf(tag.Page));
        var opaque = (string?)element.Attribute("opaque");
        if (opaque is not null != LibwbxmlDialect.IsBinary(tag) || opaque is not (null or "base64"))
        {
            throw new InvalidOperationException($"{tag}: libwbxml carries opaque data (as base64) exactly on its binary tags");
        }

        return element.HasElements
            ? new XElement(name, element.Elements().Select(Convert))
            : new XElement(name, element.Value);
    }

    private static WbxmlTag TagOf(XElement element) =>
        WbxmlCodePages.TryGetTag(element.Name.NamespaceName, element.Name.LocalName, out var tag)
            ? tag
            : throw new InvalidOperationException($"{element.Name} is not an EAS element");

    private static string WithoutDoctype(string xml)
    {
        // libwbxml writes the ActiveSync DOCTYPE; parse it away without processing it.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root!.ToString(SaveOptions.DisableFormatting);
    }

    private static async Task RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(FindTool(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(s_timeout);
        string output;
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            output = await stdout + await stderr;
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            Assert.Fail($"{tool} did not finish within {s_timeout.TotalSeconds} s");
            throw;
        }

        if (process.ExitCode != 0 || output.Contains("failed", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }
    }

    private static string FindTool(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Fail($"{tool} is not installed: install Debian's libwbxml2-utils (apt-get install -y libwbxml2-utils), as .ci/run does");
        }

        return found;
    }

    private sealed class TempDirectory : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("passerelle-libwbxml-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
