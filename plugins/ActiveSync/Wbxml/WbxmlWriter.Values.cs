using System.Globalization;
using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

public sealed partial class WbxmlWriter
{
    // Below this many chars, reserving the worst case (3 bytes a char) is cheaper than counting.
    private const int CountBytesThreshold = 512;

    /// <summary>Writes an element holding a string (STR_I); an empty string writes a tag without content.</summary>
    /// <exception cref="ArgumentException">The tag is not defined, or the value contains U+0000 (STR_I ends at a zero byte).</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteElement(WbxmlTag tag, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteElement(tag, value.AsSpan());
    }

    /// <summary>Writes an element holding a string (STR_I); an empty string writes a tag without content.</summary>
    /// <exception cref="ArgumentException">The tag is not defined, or the value contains U+0000 (STR_I ends at a zero byte).</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteElement(WbxmlTag tag, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            WriteEmptyElement(tag);
            return;
        }

        BeginElement(tag);
        WriteTagToken(tag, content: true);
        WriteInlineString(value);
        WriteByte(End);
        _rootClosed = _depth == 0;
    }

    /// <summary>Writes an element holding an integer in decimal (invariant culture).</summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteElement(WbxmlTag tag, int value) => WriteElement(tag, (long)value);

    /// <summary>Writes an element holding an integer in decimal (invariant culture).</summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteElement(WbxmlTag tag, long value)
    {
        BeginElement(tag);
        WriteTagToken(tag, content: true);
        var span = GetSpan(24);
        span[0] = StrI;
        value.TryFormat(span[1..], out var written, default, CultureInfo.InvariantCulture);
        span[written + 1] = 0;
        span[written + 2] = End;
        _buffered += written + 3;
        _rootClosed = _depth == 0;
    }

    /// <summary>Writes an element holding opaque data (OPAQUE); empty data writes a tag without content.</summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteOpaque(WbxmlTag tag, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            WriteEmptyElement(tag);
            return;
        }

        BeginElement(tag);
        WriteTagToken(tag, content: true);
        WriteByte(OpaqueToken);
        WriteMultiByteUInt32((uint)data.Length);
        WriteBytes(data);
        WriteByte(End);
        _rootClosed = _depth == 0;
    }

    /// <summary>
    /// Writes a string (STR_I) into the open element, after <see cref="WriteStartElement"/>; an
    /// element may hold several, which readers join.
    /// </summary>
    /// <exception cref="ArgumentException">The value contains U+0000.</exception>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteString(ReadOnlySpan<char> value)
    {
        EnsureInElement("a string");
        if (!value.IsEmpty)
        {
            WriteInlineString(value);
        }
    }

    /// <summary>Writes UTF-8 text (STR_I) into the open element, after <see cref="WriteStartElement"/>.</summary>
    /// <exception cref="ArgumentException">The value contains a zero byte.</exception>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteUtf8String(ReadOnlySpan<byte> utf8)
    {
        EnsureInElement("a string");
        if (utf8.IsEmpty)
        {
            return;
        }

        if (utf8.Contains((byte)0))
        {
            throw new ArgumentException("An inline string (STR_I) cannot contain a zero byte", nameof(utf8));
        }

        WriteByte(StrI);
        WriteBytes(utf8);
        WriteByte(0);
    }

    private void WriteInlineString(ReadOnlySpan<char> value)
    {
        if (value.Contains('\0'))
        {
            throw new ArgumentException("An inline string (STR_I) cannot contain U+0000", nameof(value));
        }

        var maxBytes = value.Length <= CountBytesThreshold
            ? Encoding.UTF8.GetMaxByteCount(value.Length)
            : Encoding.UTF8.GetByteCount(value);
        var span = GetSpan(maxBytes + 2);
        span[0] = StrI;
        var written = Encoding.UTF8.GetBytes(value, span[1..]);
        span[written + 1] = 0;
        _buffered += written + 2;
    }
}
