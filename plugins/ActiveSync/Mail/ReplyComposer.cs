using System.Net;
using MimeKit;
using MimeKit.Text;

namespace Passerelle.ActiveSync.Mail;

/// <summary>
/// Builds the message a SmartReply or SmartForward sends (MS-ASCMD 2.2.1.19/2.2.1.20): the phone's new text,
/// then the original quoted; a forward carries the original's attachments; a reply gets In-Reply-To and References.
/// </summary>
internal static class ReplyComposer
{
    public static MimeMessage Reply(MimeMessage written, MimeMessage original) => Compose(written, original, forward: false);

    public static MimeMessage Forward(MimeMessage written, MimeMessage original) => Compose(written, original, forward: true);

    private static MimeMessage Compose(MimeMessage written, MimeMessage original, bool forward)
    {
        var header = Attribution(original, forward);
        var body = new BodyBuilder
        {
            TextBody = Join(written.TextBody ?? (written.HtmlBody is { } html ? HtmlToText(html) : ""), header, Quote(original.TextBody ?? HtmlToText(original.HtmlBody ?? ""), forward)),
        };
        if (written.HtmlBody is not null || original.HtmlBody is not null)
        {
            var newHtml = written.HtmlBody ?? TextToHtml(written.TextBody ?? "");
            var quotedHtml = original.HtmlBody is { } originalHtml ? BodyOf(originalHtml) : TextToHtml(original.TextBody ?? "");
            body.HtmlBody = $"{newHtml}<br><div>{WebUtility.HtmlEncode(header)}</div><blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">{quotedHtml}</blockquote>";
        }

        // What the phone attached itself travels in every case; a forward adds the original's (FIELD-NOTES 18).
        foreach (var attachment in written.Attachments)
        {
            body.Attachments.Add(attachment);
        }

        if (forward)
        {
            foreach (var attachment in original.Attachments.Where(a => a is not MimePart { Content: null }))
            {
                body.Attachments.Add(attachment);
            }
        }

        var message = new MimeMessage();
        foreach (var header2 in written.Headers.Where(h => h.Id is not (HeaderId.ContentType or HeaderId.ContentTransferEncoding or HeaderId.MimeVersion or HeaderId.ContentDisposition)))
        {
            message.Headers.Add(header2.Clone());
        }

        if (!forward && original.MessageId is { } id)
        {
            message.InReplyTo = id;
            message.References.Clear();
            foreach (var reference in original.References)
            {
                message.References.Add(reference);
            }

            message.References.Add(id);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Attribution(MimeMessage original, bool forward) => forward
        ? $"---------- Forwarded message ----------\nFrom: {original.From}\nDate: {original.Date:R}\nSubject: {original.Subject}\nTo: {original.To}"
        : $"On {original.Date:R}, {original.From} wrote:";

    private static string Quote(string text, bool forward) =>
        forward ? text : string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => "> " + line));

    private static string Join(params string[] parts) => string.Join("\n\n", parts.Where(p => p.Length > 0));

    private static string HtmlToText(string html) => HtmlText.ToPlainText(html);

    private static string TextToHtml(string text) => new TextToHtml().Convert(text);

    private static string BodyOf(string html)
    {
        var start = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (start < 0 || end < start)
        {
            return html;
        }

        var open = html.IndexOf('>', start);
        return open < 0 || open > end ? html : html[(open + 1)..end];
    }
}
