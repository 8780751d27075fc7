using System.Text;
using System.Xml.Linq;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>
/// A document as comparable text, one line per element: namespace and name, then its text or its
/// opaque data (base64). Namespaces are normalised through the registry (<c>GAL:</c> = <c>Gal:</c>);
/// an empty element and an empty string are the same; whitespace between elements is dropped.
/// </summary>
internal static class CanonicalXml
{
    /// <summary>Marks an element that the tool could not name (libwbxml's <c>unknown</c>).</summary>
    public const string Unknown = "?";

    /// <summary>
    /// Our XML (as WbxmlXml writes it), optionally as libwbxml sees it: its unknown tags made
    /// <see cref="Unknown"/>, and below them names without namespace (libwbxml stops declaring
    /// namespaces inside an element it does not know).
    /// </summary>
    public static string OfOurXml(string xml, bool asLibwbxmlSeesIt = false) =>
        Render(XElement.Parse(xml), (element, insideUnknown) =>
        {
            var tag = TagOf(element);
            var opaque = (string?)element.Attribute("opaque") == "base64";
            if (!asLibwbxmlSeesIt)
            {
                return (Describe(tag), opaque);
            }

            if (LibwbxmlDialect.IsMissing(tag))
            {
                return (Unknown, false);
            }

            return insideUnknown ? ("*:" + LibwbxmlDialect.NameOf(tag), false) : (Describe(tag), opaque);
        });

    /// <summary>libwbxml's XML: its names mapped to the spec's, its base64 for binary tags read as opaque data.</summary>
    public static string OfLibwbxmlXml(string xml) =>
        Render(XElement.Parse(xml), (element, insideUnknown) =>
        {
            if (element.Name.LocalName == "unknown")
            {
                return (Unknown, false);
            }

            if (insideUnknown)
            {
                return ("*:" + element.Name.LocalName, false);
            }

            var tag = LibwbxmlDialect.TagOf(element.Name.NamespaceName, element.Name.LocalName);
            return (Describe(tag), LibwbxmlDialect.IsBinary(tag));
        });

    private static string Describe(WbxmlTag tag) => WbxmlCodePages.GetNamespace(tag.Page) + tag.Name;

    private static WbxmlTag TagOf(XElement element)
    {
        if (!WbxmlCodePages.TryGetTag(element.Name.NamespaceName, element.Name.LocalName, out var tag))
        {
            throw new InvalidOperationException($"{element.Name} is not an EAS element");
        }

        return tag;
    }

    private static string Render(XElement root, Func<XElement, bool, (string Name, bool Opaque)> describe)
    {
        var text = new StringBuilder();
        Append(text, root, 0, insideUnknown: false, describe);
        return text.ToString();
    }

    private static void Append(StringBuilder text, XElement element, int depth, bool insideUnknown, Func<XElement, bool, (string Name, bool Opaque)> describe)
    {
        var (name, opaque) = describe(element, insideUnknown);
        text.Append(' ', depth * 2).Append(name);
        if (element.HasElements)
        {
            text.Append('\n');
            foreach (var child in element.Elements())
            {
                Append(text, child, depth + 1, insideUnknown || name == Unknown, describe);
            }

            return;
        }

        if (opaque)
        {
            // Re-encoded, so line breaks or padding differences in the base64 do not count.
            text.Append(" opaque ").Append(Convert.ToBase64String(Convert.FromBase64String(element.Value)));
        }
        else if (element.Value.Length > 0)
        {
            text.Append(" = ").Append(element.Value.Replace("\n", "\\n", StringComparison.Ordinal));
        }

        text.Append('\n');
    }
}
