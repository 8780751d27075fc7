using System.Globalization;
using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// An element of a parsed request: its tag, its children, and its text or opaque value. An element sent
/// without content and one holding an empty string both have <see cref="Text"/> "" and no children.
/// </summary>
public sealed class WbxmlElement
{
    private static readonly List<WbxmlElement> NoChildren = [];
    private List<WbxmlElement>? _children;
    private StringBuilder? _text;

    internal WbxmlElement(WbxmlTag tag) => Tag = tag;

    /// <summary>The element.</summary>
    public WbxmlTag Tag { get; }

    /// <summary>The child elements, in order.</summary>
    public IReadOnlyList<WbxmlElement> Children => _children ?? NoChildren;

    /// <summary>The element's text (all its strings joined), "" when it has none.</summary>
    public string Text => _text?.ToString() ?? "";

    /// <summary>The opaque value, when the element carries one.</summary>
    public ReadOnlyMemory<byte>? Opaque { get; private set; }

    /// <summary>The first child with this tag, or null.</summary>
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

    /// <summary>Every child with this tag.</summary>
    public IEnumerable<WbxmlElement> Elements(WbxmlTag tag) => Children.Where(child => child.Tag == tag);

    /// <summary>The text of the first child with this tag, or null when there is no such child.</summary>
    public string? Value(WbxmlTag tag) => Element(tag)?.Text;

    /// <summary>The first child with this tag as a number, or null when it is absent or not a number.</summary>
    public int? Int(WbxmlTag tag) =>
        Value(tag) is { } text && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The value as bytes: the opaque data, or the text in UTF-8.</summary>
    public ReadOnlyMemory<byte> Bytes => Opaque ?? Encoding.UTF8.GetBytes(Text);

    internal void Add(WbxmlElement child) => (_children ??= []).Add(child);

    internal void AppendText(ReadOnlySpan<byte> utf8) => (_text ??= new StringBuilder()).Append(Encoding.UTF8.GetString(utf8));

    internal void SetOpaque(ReadOnlyMemory<byte> value) => Opaque = value;
}
