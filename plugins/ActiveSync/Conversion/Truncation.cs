using System.Text;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// Cuts bodies to a client's TruncationSize (bytes of UTF-8): never inside a character, and for HTML never
/// inside a tag or an entity (FIELD-NOTES 17).
/// </summary>
internal static class Truncation
{
    /// <summary>The longest prefix of <paramref name="text"/> whose UTF-8 form fits in <paramref name="maxBytes"/>.</summary>
    public static string Text(string text, long maxBytes)
    {
        if (maxBytes <= 0)
        {
            return "";
        }

        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0L;
        var end = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end += width;
        }

        return text[..end];
    }

    /// <summary>As <see cref="Text"/>, then backed off to before any tag or entity left open.</summary>
    public static string Html(string html, long maxBytes)
    {
        var cut = Text(html, maxBytes);
        if (cut.Length == html.Length)
        {
            return cut;
        }

        var openTag = cut.LastIndexOf('<');
        if (openTag >= 0 && cut.IndexOf('>', openTag) < 0)
        {
            cut = cut[..openTag];
        }

        var entity = cut.LastIndexOf('&');
        if (entity >= 0 && cut.IndexOf(';', entity) < 0 && cut.Length - entity <= 10)
        {
            cut = cut[..entity];
        }

        return cut;
    }
}
