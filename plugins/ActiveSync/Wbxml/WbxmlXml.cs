using System.Text;
using System.Text.Unicode;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// WBXML as readable XML, in the form EAS documentation and tools show it: the root's page is the
/// default namespace (<c>xmlns="AirSync:"</c>), other pages get their lower-case page name as
/// prefix (<c>xmlns:email="Email:"</c>), declared on the root. Used for protocol logs, and back
/// (<see cref="FromXml"/>) for tests and the corpus.
/// </summary>
/// <remarks>
/// EAS XML has no attributes, so three unprefixed attributes mark what plain XML text cannot carry:
/// <c>opaque="base64"</c> (OPAQUE data, base64), <c>opaque="wbxml"</c> (OPAQUE data holding a WBXML
/// document, shown as its nested root element) and <c>string="base64"</c> (a string that is not valid
/// UTF-8 or holds characters XML 1.0 forbids, base64). Empty tags and empty strings both render as
/// <c>&lt;Tag/&gt;</c>.
/// </remarks>
public static partial class WbxmlXml
{
    private const int Indent = 2;

    // Nested documents are rendered up to this depth, then as base64, so crafted input cannot recurse deeply.
    private const int MaxNestedDocuments = 4;

    private static ReadOnlySpan<byte> EasHeader => [0x03, 0x01, 0x6A, 0x00];

    /// <summary>Renders a WBXML document as indented XML with an XML declaration.</summary>
    /// <exception cref="WbxmlException">The input is malformed, truncated or passes a limit.</exception>
    public static string ToXml(ReadOnlySpan<byte> wbxml, WbxmlReaderOptions? options = null)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        Render(xml, wbxml, options ?? default, 0, 0);
        return xml.ToString();
    }

    private static void Render(StringBuilder xml, ReadOnlySpan<byte> wbxml, WbxmlReaderOptions options, int baseIndent, int nesting)
    {
        var pages = PagesInOrder(wbxml, options);
        var rootPage = pages[0];
        var reader = new WbxmlReader(wbxml, options);
        var startPending = false;
        var hasChildElements = new Stack<bool>();
        while (reader.Read())
        {
            var indent = baseIndent + (reader.Depth * Indent);
            switch (reader.TokenType)
            {
                case WbxmlTokenType.StartElement:
                    CloseStartTag(xml, ref startPending, hasChildElements, childElement: true);
                    if (hasChildElements.Count > 0 || baseIndent > 0)
                    {
                        xml.Append('\n').Append(' ', indent);
                    }

                    xml.Append('<');
                    AppendName(xml, reader.Tag, rootPage);
                    if (hasChildElements.Count == 0)
                    {
                        AppendNamespaces(xml, pages);
                    }

                    startPending = true;
                    hasChildElements.Push(false);
                    break;
                case WbxmlTokenType.Text:
                    AppendText(xml, reader.ValueSpan, ref startPending, hasChildElements);
                    break;
                case WbxmlTokenType.Opaque:
                    AppendOpaque(xml, reader.ValueSpan, options, indent, nesting, ref startPending, hasChildElements);
                    break;
                case WbxmlTokenType.EndElement:
                    if (startPending)
                    {
                        xml.Append("/>");
                        startPending = false;
                        hasChildElements.Pop();
                        break;
                    }

                    if (hasChildElements.Pop())
                    {
                        xml.Append('\n').Append(' ', baseIndent + (reader.Depth * Indent));
                    }

                    xml.Append("</");
                    AppendName(xml, reader.Tag, rootPage);
                    xml.Append('>');
                    break;
            }
        }

        if (baseIndent == 0)
        {
            xml.Append('\n');
        }
    }

    private static void CloseStartTag(StringBuilder xml, ref bool startPending, Stack<bool> hasChildElements, bool childElement, string? attribute = null)
    {
        if (childElement && hasChildElements.Count > 0)
        {
            hasChildElements.Pop();
            hasChildElements.Push(true);
        }

        if (startPending)
        {
            xml.Append(attribute).Append('>');
            startPending = false;
        }
    }

    private static void AppendText(StringBuilder xml, ReadOnlySpan<byte> utf8, ref bool startPending, Stack<bool> hasChildElements)
    {
        if (utf8.IsEmpty)
        {
            return;
        }

        var text = Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        if (text is null || !IsXmlText(text))
        {
            CloseStartTag(xml, ref startPending, hasChildElements, childElement: false, " string=\"base64\"");
            xml.Append(Convert.ToBase64String(utf8));
            return;
        }

        CloseStartTag(xml, ref startPending, hasChildElements, childElement: false);
        AppendEscaped(xml, text);
    }

    private static void AppendOpaque(StringBuilder xml, ReadOnlySpan<byte> data, WbxmlReaderOptions options, int indent, int nesting, ref bool startPending, Stack<bool> hasChildElements)
    {
        if (nesting < MaxNestedDocuments && data.StartsWith(EasHeader) && IsDocument(data, options))
        {
            CloseStartTag(xml, ref startPending, hasChildElements, childElement: true, " opaque=\"wbxml\"");
            Render(xml, data, options, indent, nesting + 1);
            return;
        }

        CloseStartTag(xml, ref startPending, hasChildElements, childElement: false, " opaque=\"base64\"");
        xml.Append(Convert.ToBase64String(data));
    }

    private static bool IsDocument(ReadOnlySpan<byte> data, WbxmlReaderOptions options)
    {
        try
        {
            var reader = new WbxmlReader(data, options);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (WbxmlException)
        {
            return false;
        }
    }

    private static List<byte> PagesInOrder(ReadOnlySpan<byte> wbxml, WbxmlReaderOptions options)
    {
        var pages = new List<byte>();
        var reader = new WbxmlReader(wbxml, options);
        while (reader.Read())
        {
            if (reader.TokenType == WbxmlTokenType.StartElement && !pages.Contains(reader.Tag.Page))
            {
                pages.Add(reader.Tag.Page);
            }
        }

        return pages;
    }

    private static void AppendNamespaces(StringBuilder xml, List<byte> pages)
    {
        xml.Append(" xmlns=\"").Append(WbxmlCodePages.GetNamespace(pages[0])).Append('"');
        foreach (var page in pages.Skip(1))
        {
            xml.Append(" xmlns:").Append(Prefix(page)).Append("=\"").Append(WbxmlCodePages.GetNamespace(page)).Append('"');
        }
    }

    private static void AppendName(StringBuilder xml, WbxmlTag tag, byte rootPage)
    {
        if (tag.Page != rootPage)
        {
            xml.Append(Prefix(tag.Page)).Append(':');
        }

        xml.Append(WbxmlCodePages.GetName(tag));
    }

    private static string Prefix(byte page) => WbxmlCodePages.GetNamespace(page).TrimEnd(':').ToLowerInvariant();

    private static void AppendEscaped(StringBuilder xml, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                '&' => xml.Append("&amp;"),
                // Kept as a reference: XML parsers turn a literal CR (and CRLF) into LF.
                '\r' => xml.Append("&#xD;"),
                _ => xml.Append(c),
            };
        }
    }

    // XML 1.0 section 2.2 Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and paired surrogates.
    private static bool IsXmlText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' or (>= ' ' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD'))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}
