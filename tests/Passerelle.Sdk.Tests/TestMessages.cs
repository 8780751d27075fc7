using System.Globalization;
using System.Text;

namespace Passerelle.Sdk.Tests;

/// <summary>Small RFC 5322 messages for the suites, written out so that what is stored is known byte for byte.</summary>
public static class TestMessages
{
    /// <summary>A plain-text message as bytes with CRLF line ends.</summary>
    public static byte[] Create(
        string subject,
        string body = "Hello.",
        string from = "Sender One <sender@example.net>",
        string to = "someone@example.test",
        DateTimeOffset? date = null,
        string? messageId = null,
        string? cc = null,
        string? bcc = null)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {from}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: {to}\r\n");
        if (cc is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Cc: {cc}\r\n");
        }

        if (bcc is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Bcc: {bcc}\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Subject: {subject}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {Rfc5322Date(date ?? new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(1)))}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Message-ID: <{messageId ?? Guid.NewGuid().ToString("N")}@example.net>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append("\r\n")
            .Append(body.ReplaceLineEndings("\r\n"))
            .Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A date as RFC 5322 writes it: <c>Fri, 14 Mar 2025 09:26:53 +0100</c>.</summary>
    public static string Rfc5322Date(DateTimeOffset date) =>
        date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);

    /// <summary>The same message as a stream.</summary>
    public static MemoryStream Stream(string subject, string body = "Hello.") => new(Create(subject, body));
}
