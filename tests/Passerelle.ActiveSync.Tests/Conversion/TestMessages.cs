using System.Text;
using MimeKit;

namespace Passerelle.ActiveSync.Tests.Conversion;

/// <summary>Messages shaped as real mail clients send them.</summary>
internal static class TestMessages
{
    /// <summary>MIME text whose characters are its bytes (U+0080-U+00FF stand for raw 8-bit bytes).</summary>
    public static byte[] Raw(string text) => Encoding.Latin1.GetBytes(text.ReplaceLineEndings("\r\n"));

    /// <summary>MIME text encoded as UTF-8 (8-bit headers and bodies).</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    public static byte[] Bytes(MimeMessage message)
    {
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }

    public static byte[] Plain(string body = "Hello Bob,\nsee you at noon.\n\nAlice", string extraHeaders = "") => Raw($"""
        From: Alice Martin <alice@example.org>
        To: Bob Stone <bob@example.com>, carol@example.com
        Cc: "Dave, Jr." <dave@example.net>
        Reply-To: replies@example.org
        Subject: Re: Fwd: Lunch on Friday
        Date: Mon, 02 Mar 2026 10:15:00 +0100
        Message-ID: <plain-1@example.org>
        {extraHeaders}MIME-Version: 1.0
        Content-Type: text/plain; charset=us-ascii
        Content-Transfer-Encoding: 7bit

        {body}
        """);

    public static byte[] HtmlOnly(string html) => Utf8($"""
        From: news@example.org
        To: bob@example.com
        Subject: Newsletter
        MIME-Version: 1.0
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {html}
        """);

    public static byte[] Alternative(string text, string html) => Utf8($"""
        From: Alice <alice@example.org>
        To: bob@example.com
        Subject: Both kinds
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {text}
        --alt
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {html}
        --alt--
        """);

    public static byte[] Windows1252(string charsetParameter) => Raw($"""
        From: pierre@example.fr
        To: bob@example.com
        Subject: =?windows-1252?Q?Caf=E9?=
        MIME-Version: 1.0
        Content-Type: text/plain{charsetParameter}
        Content-Transfer-Encoding: 8bit

        {'\u0093'}Caf{'\u00E9'}{'\u0094'} costs 3 {'\u0080'}
        """);

    /// <summary>
    /// Outlook-shaped: text and HTML with an inline image, a PDF, a forwarded message, an empty
    /// calendar file (iOS) and a file that has a Content-Id but is an attachment.
    /// </summary>
    public static byte[] WithAttachments() => Raw("""
        From: Alice <alice@example.org>
        To: bob@example.com
        Subject: Report
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mixed"

        --mixed
        Content-Type: multipart/related; boundary="rel"; type="multipart/alternative"

        --rel
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=us-ascii

        See the chart.
        --alt
        Content-Type: text/html; charset=us-ascii

        <html><body><p>See the chart.</p><img src="cid:chart@example.org"></body></html>
        --alt--
        --rel
        Content-Type: image/png; name="chart.png"
        Content-Disposition: inline; filename="chart.png"
        Content-Id: <chart@example.org>
        Content-Transfer-Encoding: base64

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
        --rel--
        --mixed
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK
        --mixed
        Content-Type: message/rfc822
        Content-Disposition: attachment

        From: carol@example.com
        To: alice@example.org
        Subject: Original figures
        Content-Type: text/plain

        The figures.
        --mixed
        Content-Type: text/calendar; name="invite.ics"
        Content-Disposition: attachment; filename="invite.ics"
        Content-Transfer-Encoding: base64


        --mixed
        Content-Type: text/csv; name="data.csv"
        Content-Disposition: attachment; filename="data.csv"
        Content-Id: <data@example.org>

        a,b
        1,2
        --mixed--
        """);

    public static byte[] SmimeSigned() => Raw("""
        From: alice@example.org
        To: bob@example.com
        Subject: Signed
        MIME-Version: 1.0
        Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="sig"

        --sig
        Content-Type: text/plain; charset=us-ascii

        This is signed.
        --sig
        Content-Type: application/pkcs7-signature; name="smime.p7s"
        Content-Disposition: attachment; filename="smime.p7s"
        Content-Transfer-Encoding: base64

        MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==
        --sig--
        """);

    public static byte[] SmimeEnveloped() => Raw("""
        From: alice@example.org
        To: bob@example.com
        Subject: Encrypted
        MIME-Version: 1.0
        Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"
        Content-Disposition: attachment; filename="smime.p7m"
        Content-Transfer-Encoding: base64

        MIAGCSqGSIb3DQEHA6CAMIACAQAxggFMMIIBSAIBADAwMCQxIjAgBgNVBAMMGUFsaWNl
        """);

    public static byte[] Invitation(string method = "REQUEST") => Raw($"""
        From: Organizer <boss@example.org>
        To: bob@example.com
        Subject: Planning
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        Planning meeting, Friday 10:00.
        --alt
        Content-Type: text/calendar; charset=utf-8

        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Example//EN
        METHOD:{method}
        BEGIN:VEVENT
        UID:planning-1@example.org
        DTSTART:20260306T090000Z
        DTEND:20260306T100000Z
        SUMMARY:Planning
        END:VEVENT
        END:VCALENDAR
        --alt--
        """);
}
