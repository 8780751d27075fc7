using System.Xml;
using System.Xml.Linq;

namespace Passerelle.Autodiscover.Schema;

/// <summary>Parses untrusted XML: no DTD (so no entity expansion, no external entity), no resolver, bounded size.</summary>
internal static class SafeXml
{
    public const int MaxDocumentLength = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxDocumentLength,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Parses a document.</summary>
    /// <exception cref="XmlException">The bytes are not well-formed XML, or carry a DTD.</exception>
    public static XDocument Parse(ReadOnlyMemory<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader);
    }
}
