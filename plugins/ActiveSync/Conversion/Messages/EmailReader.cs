using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Cryptography;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>Reads a stored message (its metadata and its MIME) into the Email item a device is sent.</summary>
internal static partial class EmailReader
{
    private static readonly ParserOptions Parsing = new() { RespectContentLength = false };

    public static async Task<EmailItem> ReadAsync(MailMessage message, Stream mime, EmailOptions options, string fileReferencePrefix, CancellationToken cancellationToken)
    {
        // A seekable store stream is parsed in place: parts stay where they are instead of being copied.
        var source = mime.CanSeek ? mime : await CopyAsync(mime, cancellationToken);
        source.Position = 0;
        var parsed = await MimeMessage.LoadAsync(Parsing, source, persistent: true, cancellationToken);
        var body = BodyChooser.Choose(parsed, await RawAsync(source, options, parsed, cancellationToken), options);
        return new EmailItem
        {
            Version = options.Version,
            To = Addresses(parsed.To),
            Cc = Addresses(parsed.Cc),
            From = Addresses(parsed.From),
            ReplyTo = Addresses(parsed.ReplyTo),
            Subject = parsed.Subject,
            DateReceived = message.ReceivedAt,
            DisplayTo = string.Join("; ", parsed.To.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : m.Name)),
            ThreadTopic = ThreadTopicOf(parsed.Subject),
            Importance = ImportanceOf(parsed),
            Read = message.Flags.HasFlag(MessageFlags.Seen),
            Attachments = options.NoAttachments ? [] : AttachmentsOf(parsed, fileReferencePrefix, options.MaxAttachmentSize),
            Body = body,
            MessageClass = MessageClassOf(parsed),
            NativeBodyType = BodyChooser.NativeType(parsed),
            Flag = EmailFlags.FlagOf(message),
            ConversationId = options.Version >= ProtocolVersion.V140 ? ConversationIdOf(parsed) : null,
            ConversationIndex = options.Version >= ProtocolVersion.V140 ? ConversationIndexOf(parsed, message.ReceivedAt) : null,
            Categories = message.Keywords,
            LastVerb = EmailFlags.VerbOf(message),
            ReceivedAsBcc = ReceivedAsBcc(parsed, options.AccountAddresses),
            Sender = parsed.Sender is { } sender && !parsed.From.Mailboxes.Any(m => m.Address.Equals(sender.Address, StringComparison.OrdinalIgnoreCase)) ? sender.ToString() : null,
        };
    }

    /// <summary>The Email item of a message whose MIME the caller has already parsed is not needed: a Change carries flags only.</summary>
    public static void WriteFlagsChange(WbxmlWriter writer, MailMessage message, ProtocolVersion version) =>
        EmailFlags.WriteChange(writer, message, version);

    // The account is not among the visible recipients, nor the sender: it got the message as Bcc.
    private static bool ReceivedAsBcc(MimeMessage message, IReadOnlyList<string> addresses) =>
        addresses.Count > 0
        && !message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.From.Mailboxes)
            .Any(m => addresses.Contains(m.Address, StringComparer.OrdinalIgnoreCase));

    private static async Task<byte[]> RawAsync(Stream source, EmailOptions options, MimeMessage parsed, CancellationToken cancellationToken)
    {
        // The raw bytes are needed only for a MIME body.
        if (!options.BodyPreferences.Any(p => p.Type == 4) && options.MimeSupport != 2 && !(options.MimeSupport == 1 && BodyChooser.IsSmime(parsed)))
        {
            return [];
        }

        source.Position = 0;
        using var copy = new MemoryStream();
        await source.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static async Task<Stream> CopyAsync(Stream mime, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        await mime.CopyToAsync(copy, cancellationToken);
        return copy;
    }

    private static IReadOnlyList<EmailAttachment> AttachmentsOf(MimeMessage message, string prefix, long? maxSize)
    {
        var attachments = new List<EmailAttachment>();
        var index = 0;
        foreach (var entity in MessageParts.Attachments(message))
        {
            var size = MessageParts.EstimatedSize(entity);
            var contentId = entity.ContentId;
            var inline = contentId is not null && entity.ContentDisposition?.Disposition != ContentDisposition.Attachment;
            if (maxSize is not { } max || size <= max)
            {
                attachments.Add(new EmailAttachment($"{prefix}:{index}", MessageParts.FileName(entity, index), entity is MessagePart ? 5 : 1, size, contentId, inline));
            }

            index++;
        }

        return attachments;
    }

    private static string? Addresses(InternetAddressList list) => list.Count == 0 ? null : list.ToString(FormatOptions.Default, encode: false);

    private static string? ThreadTopicOf(string? subject) => subject is null ? null : SubjectPrefix().Replace(subject, "").Trim();

    private static int ImportanceOf(MimeMessage message) => message.Importance switch
    {
        MessageImportance.High => 2,
        MessageImportance.Low => 0,
        _ => message.Priority switch
        {
            MessagePriority.Urgent => 2,
            MessagePriority.NonUrgent => 0,
            _ => message.XPriority switch
            {
                XMessagePriority.Highest or XMessagePriority.High => 2,
                XMessagePriority.Low or XMessagePriority.Lowest => 0,
                _ => 1,
            },
        },
    };

    private static string MessageClassOf(MimeMessage message)
    {
        if (message.Body is MultipartSigned)
        {
            return "IPM.Note.SMIME.MultipartSigned";
        }

        if (message.Body is ApplicationPkcs7Mime)
        {
            return "IPM.Note.SMIME";
        }

        var invitation = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));
        return invitation?.ContentType.Parameters["method"]?.ToUpperInvariant() switch
        {
            "REQUEST" => "IPM.Schedule.Meeting.Request",
            "CANCEL" => "IPM.Schedule.Meeting.Canceled",
            "REPLY" => "IPM.Schedule.Meeting.Resp.Pos",
            _ => "IPM.Note",
        };
    }

    // MS-ASEMAIL 2.2.2.20: a 16-byte id shared by every message of a conversation: from Thread-Index when
    // Outlook set it, else the first Message-ID of References, else the topic.
    private static byte[] ConversationIdOf(MimeMessage message)
    {
        if (message.Headers["Thread-Index"] is { } threadIndex && TryBase64(threadIndex) is { Length: >= 22 } index)
        {
            return index[6..22];
        }

        var root = message.References.FirstOrDefault() ?? message.InReplyTo ?? message.MessageId ?? ThreadTopicOf(message.Subject) ?? "";
        return MD5.HashData(Encoding.UTF8.GetBytes(root.ToLowerInvariant()));
    }

    private static byte[] ConversationIndexOf(MimeMessage message, DateTimeOffset received)
    {
        if (message.Headers["Thread-Index"] is { } threadIndex && TryBase64(threadIndex) is { Length: >= 22 } index)
        {
            return index;
        }

        // MS-ASEMAIL 2.2.2.21: 5 bytes of time for the conversation's start.
        var ticks = (ulong)received.UtcTicks;
        return [(byte)(ticks >> 56), (byte)(ticks >> 48), (byte)(ticks >> 40), (byte)(ticks >> 32), (byte)(ticks >> 24)];
    }

    private static byte[]? TryBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^((re|fw|fwd|aw|wg|tr|sv|vs)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectPrefix();
}
