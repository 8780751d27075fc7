using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// WBXML as readable XML, for protocol logs and tests: each code page is a namespace (the root's is the
/// default, the others get a prefix), opaque data is base64 text; and XML back to WBXML.
/// </summary>
public static class WbxmlXml
{
    /// <summary>Elements whose value EAS carries as opaque data rather than a string.</summary>
    public static readonly IReadOnlySet<WbxmlTag> OpaqueElements = new HashSet<WbxmlTag>
    {
        Email2.ConversationId, Email2.ConversationIndex, ComposeMail.Mime,
    };

    /// <summary>Renders a document as indented XML.</summary>
    /// <exception cref="WbxmlException">The document is malformed.</exception>
    public static string ToXml(ReadOnlySpan<byte> wbxml)
    {
        var pages = UsedPages(wbxml);
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        var reader = new WbxmlReader(wbxml);
        var open = new Stack<(string Name, bool HasChildren)>();
        byte rootPage = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case WbxmlTokenType.StartElement:
                    if (open.TryPop(out var parent))
                    {
                        if (!parent.HasChildren)
                        {
                            xml.Append('\n');
                        }

                        open.Push((parent.Name, true));
                    }
                    else
                    {
                        rootPage = reader.Tag.Page;
                    }

                    var name = QualifiedName(reader.Tag, rootPage);
                    xml.Append(' ', open.Count * 2).Append('<').Append(name);
                    if (open.Count == 0)
                    {
                        xml.Append(" xmlns=\"").Append(WbxmlCodePages.NamespaceOf(rootPage)).Append('"');
                        foreach (var page in pages.Where(p => p != rootPage))
                        {
                            xml.Append(" xmlns:").Append(Prefix(page)).Append("=\"").Append(WbxmlCodePages.NamespaceOf(page)).Append('"');
                        }
                    }

                    if (reader.HasContent)
                    {
                        xml.Append('>');
                        open.Push((name, false));
                    }
                    else
                    {
                        xml.Append(" />\n");
                    }

                    break;
                case WbxmlTokenType.EndElement:
                    var element = open.Pop();
                    if (element.HasChildren)
                    {
                        xml.Append(' ', open.Count * 2);
                    }

                    xml.Append("</").Append(element.Name).Append(">\n");
                    break;
                case WbxmlTokenType.Text:
                    xml.Append(SecurityElement.Escape(reader.GetString()));
                    break;
                case WbxmlTokenType.Opaque:
                    xml.Append(Convert.ToBase64String(reader.ValueSpan));
                    break;
            }
        }

        return xml.ToString();
    }

    /// <summary>Encodes XML (as <see cref="ToXml"/> writes it, or as libwbxml does) as WBXML. A DTD is skipped, never resolved.</summary>
    /// <exception cref="XmlException">The XML is malformed, or names an element no code page has.</exception>
    public static byte[] FromXml(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        using var output = new MemoryStream();
        var writer = new WbxmlWriter(output);
        Write(writer, document.Root ?? throw new XmlException("the document has no root element"));
        writer.Flush();
        return output.ToArray();
    }

    private static void Write(WbxmlWriter writer, XElement element)
    {
        var tag = TagOf(element.Name);
        writer.WriteStartElement(tag);
        if (element.HasElements)
        {
            foreach (var child in element.Elements())
            {
                Write(writer, child);
            }
        }
        else if (OpaqueElements.Contains(tag) && element.Value.Length > 0)
        {
            writer.WriteEndElement();
            writer.WriteOpaque(tag, Convert.FromBase64String(element.Value.Trim()));
            return;
        }
        else
        {
            writer.WriteString(element.Value);
        }

        writer.WriteEndElement();
    }

    private static WbxmlTag TagOf(XName name)
    {
        if (!WbxmlCodePages.TryGetPage(name.NamespaceName, out var page) || !WbxmlCodePages.TryGetTag(page, name.LocalName, out var tag))
        {
            throw new XmlException($"no code page has the element {{{name.NamespaceName}}}{name.LocalName}");
        }

        return tag;
    }

    private static SortedSet<byte> UsedPages(ReadOnlySpan<byte> wbxml)
    {
        var pages = new SortedSet<byte>();
        var reader = new WbxmlReader(wbxml);
        while (reader.Read())
        {
            if (reader.TokenType == WbxmlTokenType.StartElement)
            {
                pages.Add(reader.Tag.Page);
            }
        }

        return pages;
    }

    private static string QualifiedName(WbxmlTag tag, byte rootPage) =>
        tag.Page == rootPage ? tag.Name : $"{Prefix(tag.Page)}:{tag.Name}";

    private static string Prefix(byte page) => WbxmlCodePages.NamespaceOf(page).TrimEnd(':').ToLowerInvariant();
}
