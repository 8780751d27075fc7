using System.Text;
using MimeKit.Text;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// Plain text from HTML, for a device that asked for text and a message that has only HTML: blocks
/// become lines, script and style go, character references decode, white space collapses as a
/// browser would. Uses MimeKit's HTML tokenizer (one pass, no regular expressions).
/// </summary>
internal static class HtmlToText
{
    public static string Convert(string html)
    {
        var output = new TextBuilder(html.Length / 2);
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        var preformatted = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when hidden == 0:
                    output.Append(data.Data, preformatted > 0);
                    break;
                case HtmlTagToken tag:
                    Tag(tag, output, ref hidden, ref preformatted);
                    break;
            }
        }

        return output.ToString();
    }

    private static void Tag(HtmlTagToken tag, TextBuilder output, ref int hidden, ref int preformatted)
    {
        switch (tag.Id)
        {
            case HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title:
                if (!tag.IsEmptyElement)
                {
                    hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                }

                break;
            case HtmlTagId.Pre:
                preformatted = Math.Max(0, preformatted + (tag.IsEndTag ? -1 : 1));
                output.EndLine();
                break;
            case HtmlTagId.Br:
                output.NewLine();
                break;
            case HtmlTagId.P or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL
                or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6:
                output.EndParagraph();
                break;
            case HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.HR or HtmlTagId.Center or HtmlTagId.Address:
                output.EndLine();
                break;
            case HtmlTagId.LI:
                output.EndLine();
                if (!tag.IsEndTag)
                {
                    output.Append("- ", preformatted: true);
                }

                break;
            case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag:
                output.Space();
                break;
        }
    }

    /// <summary>Collapses white space and keeps at most one blank line between blocks.</summary>
    private sealed class TextBuilder(int capacity)
    {
        private readonly StringBuilder _text = new(capacity);
        private bool _pendingSpace;
        private int _newLines = 2; // at the start: no leading blank lines

        public void Append(string data, bool preformatted)
        {
            foreach (var c in data)
            {
                if (preformatted && c == '\n')
                {
                    NewLine();
                }
                else if (preformatted ? c == '\r' : char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    _pendingSpace |= !preformatted;
                }
                else
                {
                    Char(c == '\u00A0' ? ' ' : c);
                }
            }
        }

        public void Space() => _pendingSpace = true;

        public void NewLine()
        {
            _text.Append("\r\n");
            _newLines++;
            _pendingSpace = false;
        }

        /// <summary>Ends the current line, if anything is on it.</summary>
        public void EndLine()
        {
            if (_newLines == 0)
            {
                NewLine();
            }

            _pendingSpace = false;
        }

        /// <summary>Ends the current paragraph: one blank line after it, as a browser's margin.</summary>
        public void EndParagraph()
        {
            EndLine();
            if (_newLines == 1)
            {
                NewLine();
            }
        }

        public override string ToString()
        {
            var end = _text.Length;
            while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            return _text.ToString(0, end);
        }

        private void Char(char c)
        {
            if (_newLines > 2)
            {
                // Collapse runs of blank lines to one.
                var drop = (_newLines - 2) * 2;
                _text.Length -= drop;
            }

            if (_pendingSpace && _newLines == 0)
            {
                _text.Append(' ');
            }

            _pendingSpace = false;
            _newLines = 0;
            _text.Append(c);
        }
    }
}
