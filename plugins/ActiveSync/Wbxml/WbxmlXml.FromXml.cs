using System.Buffers;
using System.Xml;
using System.Xml.Linq;

namespace Passerelle.ActiveSync.Wbxml;

public static partial class WbxmlXml
{
    private static readonly XmlReaderSettings s_readerSettings = new()
    {
        // A DOCTYPE without internal subset (libwbxml writes the ActiveSync one) is tolerated and
        // never fetched (no resolver); one with an internal subset is rejected below, and entity
        // expansion while it is parsed is capped.
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// Encodes EAS XML (as <see cref="ToXml"/> writes it) into WBXML with <see cref="WbxmlWriter"/>.
    /// A leaf element's text is kept as it is; whitespace between elements is dropped.
    /// </summary>
    /// <exception cref="XmlException">
    /// The XML is malformed, has a DTD internal subset, or names an element, namespace or attribute EAS does not have.
    /// </exception>
    public static byte[] FromXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        using (var reader = XmlReader.Create(new StringReader(xml), s_readerSettings))
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }

        if (document.DocumentType is { InternalSubset: { } subset } && !string.IsNullOrWhiteSpace(subset))
        {
            throw new XmlException("A DTD internal subset is not accepted (entity declarations are refused)");
        }

        return Encode(document.Root!);
    }

    private static byte[] Encode(XElement root)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new WbxmlWriter(output))
        {
            WriteElement(writer, root);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteElement(WbxmlWriter writer, XElement element)
    {
        var tag = TagOf(element);
        var marker = Marker(element);
        switch (marker)
        {
            case "opaque=base64":
                writer.WriteOpaque(tag, FromBase64(element));
                return;
            case "opaque=wbxml":
                var nested = element.Elements().ToList();
                if (nested.Count != 1)
                {
                    throw Error(element, "opaque=\"wbxml\" needs exactly one nested root element");
                }

                writer.WriteOpaque(tag, Encode(nested[0]));
                return;
            case "string=base64":
                var utf8 = FromBase64(element);
                if (utf8.AsSpan().Contains((byte)0))
                {
                    throw Error(element, "an inline string cannot contain a zero byte");
                }

                writer.WriteStartElement(tag);
                writer.WriteUtf8String(utf8);
                writer.WriteEndElement();
                return;
        }

        if (!element.HasElements)
        {
            if (element.Value.Contains('\0', StringComparison.Ordinal))
            {
                throw Error(element, "an inline string cannot contain U+0000");
            }

            writer.WriteElement(tag, element.Value);
            return;
        }

        writer.WriteStartElement(tag);
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    WriteElement(writer, child);
                    break;
                case XText text when !string.IsNullOrWhiteSpace(text.Value):
                    throw Error(element, "text mixed with child elements is not EAS");
            }
        }

        writer.WriteEndElement();
    }

    private static WbxmlTag TagOf(XElement element)
    {
        var ns = element.Name.NamespaceName;
        if (!WbxmlCodePages.TryGetPage(ns, out var page))
        {
            throw Error(element, ns.Length == 0 ? $"<{element.Name.LocalName}> has no EAS namespace" : $"'{ns}' is not an EAS code page namespace");
        }

        if (!WbxmlCodePages.TryGetTag(page, element.Name.LocalName, out var tag))
        {
            throw Error(element, $"{WbxmlCodePages.GetNamespace(page)} has no element {element.Name.LocalName}");
        }

        return tag;
    }

    private static string? Marker(XElement element)
    {
        string? marker = null;
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                continue;
            }

            var name = attribute.Name.NamespaceName.Length == 0 ? attribute.Name.LocalName : null;
            var value = name + "=" + attribute.Value;
            if (marker is not null || value is not ("opaque=base64" or "opaque=wbxml" or "string=base64"))
            {
                throw Error(element, $"unexpected attribute {attribute.Name}=\"{attribute.Value}\"");
            }

            marker = value;
        }

        return marker;
    }

    private static byte[] FromBase64(XElement element)
    {
        try
        {
            return Convert.FromBase64String(element.Value);
        }
        catch (FormatException e)
        {
            throw Error(element, "the content is not base64: " + e.Message);
        }
    }

    private static XmlException Error(XElement element, string message)
    {
        var line = (IXmlLineInfo)element;
        return new XmlException(message, null, line.LineNumber, line.LinePosition);
    }
}
