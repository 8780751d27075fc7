using System.Text;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// Categories as IMAP keywords. A keyword is an atom (RFC 3501 9: no space, no parentheses, ASCII only),
/// while a phone's category is any text ("Red category"). Characters an atom cannot hold are written as in
/// mailbox names (RFC 3501 5.1.3, modified UTF-7): "Red&amp;ACA-category". Keywords written by other clients
/// read back as they are unless they hold such a sequence.
/// </summary>
internal static class KeywordCodec
{
    public static string Encode(string category)
    {
        var output = new StringBuilder(category.Length + 8);
        var pending = new StringBuilder();
        foreach (var c in category)
        {
            if (IsAtomChar(c))
            {
                Flush(output, pending);
                output.Append(c == '&' ? "&-" : c.ToString());
            }
            else
            {
                pending.Append(c);
            }
        }

        Flush(output, pending);
        return output.ToString();
    }

    public static string Decode(string keyword)
    {
        var output = new StringBuilder(keyword.Length);
        for (var i = 0; i < keyword.Length; i++)
        {
            var end = keyword[i] == '&' ? keyword.IndexOf('-', i + 1) : -1;
            if (end < 0)
            {
                output.Append(keyword[i]);
                continue;
            }

            if (end == i + 1)
            {
                output.Append('&');
            }
            else if (TryDecodeRun(keyword.AsSpan(i + 1, end - i - 1), out var run))
            {
                output.Append(run);
            }
            else
            {
                output.Append(keyword, i, end - i + 1);
            }

            i = end;
        }

        return output.ToString();
    }

    // Printable ASCII minus atom-specials: ( ) { SP % * " \ ] and the flag prefix \ (RFC 3501 9).
    private static bool IsAtomChar(char c) => c is > ' ' and < '\x7f' and not ('(' or ')' or '{' or '%' or '*' or '"' or '\\' or ']');

    private static void Flush(StringBuilder output, StringBuilder pending)
    {
        if (pending.Length == 0)
        {
            return;
        }

        var bytes = Encoding.BigEndianUnicode.GetBytes(pending.ToString());
        output.Append('&').Append(Convert.ToBase64String(bytes).TrimEnd('=').Replace('/', ',')).Append('-');
        pending.Clear();
    }

    private static bool TryDecodeRun(ReadOnlySpan<char> run, out string text)
    {
        text = "";
        var base64 = run.ToString().Replace(',', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length % 2 != 0)
            {
                return false;
            }

            text = Encoding.BigEndianUnicode.GetString(bytes);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
