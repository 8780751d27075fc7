using System.Globalization;
using System.Net;
using System.Text;

namespace Passerelle.GroupwareAsMail.Messages;

/// <summary>A body made of labelled lines and a free text, written as plain text and as HTML alike.</summary>
internal sealed class BodyText
{
    private readonly List<(string Label, string Value)> _lines = [];
    private string? _text;

    public BodyText Line(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _lines.Add((label, value));
        }

        return this;
    }

    public BodyText Text(string? text)
    {
        _text = string.IsNullOrEmpty(text) ? null : text;
        return this;
    }

    /// <summary>Dates are shown in UTC: the message has no idea of the reader's time zone.</summary>
    public static string? Date(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public string Plain()
    {
        var text = new StringBuilder();
        foreach (var (label, value) in _lines)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        if (_text is not null)
        {
            text.Append(_lines.Count > 0 ? "\n" : "").Append(_text.ReplaceLineEndings("\n"));
        }

        return text.ToString();
    }

    public string Html(string? html = null)
    {
        var text = new StringBuilder("<html><body>");
        if (_lines.Count > 0)
        {
            text.Append("<table>");
            foreach (var (label, value) in _lines)
            {
                text.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
            }

            text.Append("</table>");
        }

        if (html is not null)
        {
            text.Append(html);
        }
        else if (_text is not null)
        {
            foreach (var paragraph in _text.ReplaceLineEndings("\n").Split("\n\n"))
            {
                text.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            }
        }

        return text.Append("</body></html>").ToString();
    }
}
