using System.Buffers;
using System.Text;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// Cuts a body to a TruncationSize in UTF-8 bytes (MS-ASAIRS 2.2.2.40.1) without splitting a character,
/// and for HTML without ending inside a tag or a character reference (Z-Push ZP-1240, FIELD-NOTES 17).
/// </summary>
internal static class BodyTruncation
{
    // A character reference longer than this is not one ("&" followed by text).
    private const int LongestReference = 32;

    /// <summary>
    /// The longest prefix of <paramref name="text"/> within <paramref name="maxBytes"/> UTF-8 bytes,
    /// and the text's full size in bytes.
    /// </summary>
    public static (string Prefix, long FullSize) Cut(string text, long maxBytes, bool html)
    {
        var fullSize = Encoding.UTF8.GetByteCount(text);
        if (fullSize <= maxBytes)
        {
            return (text, fullSize);
        }

        // Each char is at least one byte: the first maxBytes chars hold the cut.
        var head = text.AsSpan(0, (int)Math.Min(text.Length, maxBytes));
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(head.Length));
        try
        {
            var written = Encoding.UTF8.GetBytes(head, buffer);
            var bytes = buffer.AsSpan(0, written);
            var cut = html ? HtmlCut(bytes, (int)maxBytes) : CharacterCut(bytes, (int)maxBytes);
            return (text[..Encoding.UTF8.GetCharCount(bytes[..cut])], fullSize);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The largest cut at most <paramref name="limit"/> that starts no UTF-8 continuation byte.</summary>
    public static int CharacterCut(ReadOnlySpan<byte> utf8, int limit)
    {
        if (limit >= utf8.Length)
        {
            return utf8.Length;
        }

        var cut = limit;
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }

    /// <summary>As <see cref="CharacterCut"/>, moved back before an unclosed tag or character reference.</summary>
    public static int HtmlCut(ReadOnlySpan<byte> utf8, int limit)
    {
        var cut = CharacterCut(utf8, limit);
        var head = utf8[..cut];
        var open = head.LastIndexOf((byte)'<');
        if (open > head.LastIndexOf((byte)'>'))
        {
            cut = open;
            head = utf8[..cut];
        }

        var amp = head.LastIndexOf((byte)'&');
        if (amp >= 0 && cut - amp <= LongestReference && head[amp..].IndexOfAny(";<> \t\r\n"u8) < 0)
        {
            cut = amp;
        }

        return cut;
    }
}
