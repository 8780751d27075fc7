using System.Globalization;
using System.Text;

namespace Passerelle.Load;

/// <summary>Real-shaped messages: multipart/alternative with a few KB of text and HTML, as mailing lists and newsletters send.</summary>
internal static class Corpus
{
    /// <summary>Writes an mbox file of <paramref name="count"/> messages to <paramref name="to"/>.</summary>
    public static string WriteMbox(string directory, string to, int count)
    {
        var path = Path.Combine(directory, "corpus.mbox");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < count; n++)
        {
            var date = start.AddMinutes(n * 7);
            var text = Paragraphs(n);
            writer.Write($"From sender@example.net {date.UtcDateTime.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture)}\n");
            writer.Write($"""
                From: Sender {n % 97} <sender{n % 97}@example.net>
                To: <{to}>
                Subject: Weekly report number {n}
                Date: {date.ToString("R", CultureInfo.InvariantCulture)}
                Message-ID: <load-{n}@example.net>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b{n}"

                --b{n}
                Content-Type: text/plain; charset=utf-8

                {text}
                --b{n}
                Content-Type: text/html; charset=utf-8

                <html><body><p>{text.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></body></html>
                --b{n}--


                """.Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        return path;
    }

    private static string Paragraphs(int n)
    {
        var builder = new StringBuilder();
        for (var p = 0; p < 6; p++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Paragraph {p} of report {n}: the figures for the week are in, and they look better than the last ones. ");
            builder.Append("Sales grew in every region; the team thanks everyone for the effort. Remarks are welcome before Friday.\n\n");
        }

        return builder.ToString().TrimEnd();
    }
}
