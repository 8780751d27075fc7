using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Sqlite.Mail;

/// <summary>
/// What the store indexes of a message, read with MimeKit from the staged file without loading the content
/// (the parser is persistent: parts stay references into the file): the envelope, and for the full-text
/// index the sender and the start of the body text.
/// </summary>
internal sealed partial record MessageIndex(MessageEnvelope Envelope, string Sender, string Body)
{
    // Enough text for a search to find a message by its body; the rest of a long body is not indexed.
    private const int MaxBodyBytes = 128 * 1024;

    /// <exception cref="InvalidItemException">The content is not a message.</exception>
    public static async Task<MessageIndex> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        if (file.Length == 0)
        {
            throw new InvalidItemException("The message is empty.");
        }

        MimeMessage message;
        try
        {
            message = await new MimeParser(file, MimeFormat.Entity, persistent: true).ParseMessageAsync(cancellationToken);
        }
        catch (FormatException exception)
        {
            throw new InvalidItemException("The content is not a MIME message.", exception);
        }

        if (message.Headers.Count == 0)
        {
            throw new InvalidItemException("The content is not a MIME message: it has no header.");
        }

        var envelope = new MessageEnvelope(
            message.Subject,
            NullIfEmpty(message.From.ToString()),
            NullIfEmpty(message.To.ToString()),
            NullIfEmpty(message.Cc.ToString()),
            message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            message.MessageId);
        var sender = string.Join(' ', message.From.Mailboxes.Select(mailbox => $"{mailbox.Name} {mailbox.Address}"));
        return new MessageIndex(envelope, sender, await ReadBodyTextAsync(message, cancellationToken));
    }

    private static async Task<string> ReadBodyTextAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var parts = message.BodyParts.OfType<TextPart>().Where(part => !part.IsAttachment).ToList();
        var part = parts.FirstOrDefault(p => p.IsPlain) ?? parts.FirstOrDefault(p => p.IsHtml);
        if (part?.Content is null)
        {
            return "";
        }

        await using var decoded = part.Content.Open();
        var buffer = new byte[MaxBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await decoded.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        var text = (part.ContentType.CharsetEncoding ?? Encoding.UTF8).GetString(buffer, 0, length);
        return part.IsHtml ? WebUtility.HtmlDecode(Tags().Replace(text, " ")) : text;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex("<[^>]*>|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Tags();
}
