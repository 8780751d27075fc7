using System.Globalization;
using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// A read-only element of a parsed WBXML document (<see cref="WbxmlDocument.Parse"/>), for request
/// handlers that prefer a tree to the reader.
/// </summary>
/// <remarks>
/// EAS gives no meaning to the difference between a tag without content (<c>&lt;GetChanges/&gt;</c>)
/// and a tag holding an empty string: both have <see cref="Text"/> null, and
/// <see cref="Value"/> returns "" for such a child (null only when the child is absent).
/// </remarks>
public sealed class WbxmlElement
{
    internal WbxmlElement(WbxmlTag tag, long offset, IReadOnlyList<WbxmlElement> children, string? text, ReadOnlyMemory<byte>? opaque)
    {
        Tag = tag;
        Offset = offset;
        Children = children;
        Text = text;
        Opaque = opaque;
    }

    /// <summary>The element's tag.</summary>
    public WbxmlTag Tag { get; }

    /// <summary>The element's name, e.g. <c>SyncKey</c>.</summary>
    public string Name => Tag.Name!;

    /// <summary>Where the element's tag starts in the document, for error messages.</summary>
    public long Offset { get; }

    /// <summary>The child elements, in document order.</summary>
    public IReadOnlyList<WbxmlElement> Children { get; }

    /// <summary>The element's text, or null when it has none (no content, an empty string, or only children).</summary>
    public string? Text { get; }

    /// <summary>The element's opaque data, or null when it has none (or an empty one). It shares the parsed buffer.</summary>
    public ReadOnlyMemory<byte>? Opaque { get; }

    /// <summary>The first child with the tag, or null.</summary>
    public WbxmlElement? Element(WbxmlTag tag)
    {
        foreach (var child in Children)
        {
            if (child.Tag == tag)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The children with the tag, in document order.</summary>
    public IEnumerable<WbxmlElement> Elements(WbxmlTag tag) => Children.Where(child => child.Tag == tag);

    /// <summary>
    /// The string value of the first child with the tag: its text, its opaque data as UTF-8, or ""
    /// when it is empty; null when there is no such child.
    /// </summary>
    public string? Value(WbxmlTag tag) => Element(tag)?.StringValue();

    /// <summary>The integer value of the first child with the tag, or null when there is no such child.</summary>
    /// <exception cref="WbxmlException">The child's value is not a decimal integer.</exception>
    public int? Int(WbxmlTag tag)
    {
        var child = Element(tag);
        if (child is null)
        {
            return null;
        }

        if (!int.TryParse(child.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new WbxmlException($"{child.Tag} is '{Shorten(child.Text)}', not an integer", child.Offset);
        }

        return value;
    }

    /// <summary>The 64-bit integer value of the first child with the tag, or null when there is no such child.</summary>
    /// <exception cref="WbxmlException">The child's value is not a decimal integer.</exception>
    public long? Long(WbxmlTag tag)
    {
        var child = Element(tag);
        if (child is null)
        {
            return null;
        }

        if (!long.TryParse(child.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new WbxmlException($"{child.Tag} is '{Shorten(child.Text)}', not an integer", child.Offset);
        }

        return value;
    }

    /// <summary>The tag name, for debugging.</summary>
    public override string ToString() => Tag.ToString();

    private string StringValue() =>
        Text ?? (Opaque is { } opaque ? Encoding.UTF8.GetString(opaque.Span) : "");

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 32 ? text : text[..32] + "...";
}
