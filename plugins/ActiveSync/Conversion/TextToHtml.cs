using System.Text;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// Plain text as HTML, for a device that asked for HTML and a message that has only text: markup
/// characters escaped, lines broken with &lt;br&gt;, runs of spaces kept; other characters stay as
/// they are (UTF-8), not as numeric references that would triple the size of non-Latin text.
/// </summary>
internal static class TextToHtml
{
    private const string Head = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>";
    private const string Tail = "</body></html>";

    public static string Convert(string text)
    {
        var html = new StringBuilder(Head, text.Length + text.Length / 8 + Head.Length + Tail.Length);
        var previous = '\0';
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '&':
                    html.Append("&amp;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\r':
                    break;
                case '\n':
                    html.Append("<br>\r\n");
                    break;
                case ' ' when previous is ' ' or '\n':
                    html.Append("&nbsp;");
                    break;
                default:
                    html.Append(c);
                    break;
            }

            previous = c;
        }

        return html.Append(Tail).ToString();
    }
}
