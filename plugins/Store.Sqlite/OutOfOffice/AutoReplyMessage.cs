using MimeKit;
using MimeKit.Utils;
using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Sqlite.OutOfOffice;

/// <summary>
/// The out-of-office reply to one message (RFC 3834 3.1): from the absent account to the sender, marked
/// Auto-Submitted: auto-replied so that no responder answers it in turn, threaded with In-Reply-To and References.
/// </summary>
internal static class AutoReplyMessage
{
    public static MimeMessage Create(MimeMessage original, MailboxAddress absent, string sender, OutOfOfficeReply reply, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(absent);
        message.To.Add(MailboxAddress.Parse(sender));
        message.Subject = $"Automatic reply: {original.Subject}";
        message.Date = now;
        message.MessageId = MimeUtils.GenerateMessageId(absent.Domain);
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        if (original.MessageId is { } id)
        {
            message.InReplyTo = id;
            foreach (var reference in original.References)
            {
                message.References.Add(reference);
            }

            message.References.Add(id);
        }

        message.Body = new TextPart(reply.IsHtml ? "html" : "plain") { Text = reply.Message };
        return message;
    }
}
