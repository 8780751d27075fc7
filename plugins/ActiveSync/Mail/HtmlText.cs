using System.Net;
using System.Text.RegularExpressions;

namespace Passerelle.ActiveSync.Mail;

/// <summary>Plain text from HTML, for a quoted original or a text-only body: blocks become lines, tags go, entities decode.</summary>
internal static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        var text = Hidden().Replace(html, "");
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = SpacesInLines().Replace(text, " ");
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex SpacesInLines();

    [GeneratedRegex(@"\n\s*\n\s*\n+")]
    private static partial Regex BlankLines();
}
