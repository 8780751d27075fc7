using System.Globalization;

namespace Passerelle.ActiveSync.Tests.Infrastructure;

/// <summary>Real-shaped messages for tests.</summary>
internal static class Messages
{
    public static string Plain(int n, string to = ActiveSyncHost.Bob, DateTimeOffset? date = null, string? body = null) => $"""
        From: Alice Example <alice@example.test>
        To: Bob Example <{to}>
        Subject: Message {n}
        Date: {(date ?? new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(n)).ToString("R", CultureInfo.InvariantCulture)}
        Message-ID: <m{n}@example.test>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        {body ?? $"Hello number {n}, héhé."}
        """;

    public static string Alternative(string subject, string text, string html) => $"""
        From: Alice Example <alice@example.test>
        To: Bob Example <bob@example.test>
        Subject: {subject}
        Date: Mon, 02 Nov 2026 10:00:00 +0000
        Message-ID: <alt-{subject.GetHashCode(StringComparison.Ordinal):X}@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        {text}
        --b1
        Content-Type: text/html; charset=utf-8

        {html}
        --b1--
        """;

    public static string WithAttachment(string subject, string fileName, string base64) => $"""
        From: Alice Example <alice@example.test>
        To: Bob Example <bob@example.test>
        Subject: {subject}
        Date: Mon, 02 Nov 2026 11:00:00 +0000
        Message-ID: <att@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="m1"

        --m1
        Content-Type: text/plain; charset=utf-8

        See the file.
        --m1
        Content-Type: application/pdf; name="{fileName}"
        Content-Disposition: attachment; filename="{fileName}"
        Content-Transfer-Encoding: base64

        {base64}
        --m1--
        """;
}
