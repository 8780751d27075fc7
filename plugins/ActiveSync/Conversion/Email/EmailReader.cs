using System.Text;
using System.Text.Unicode;
using MimeKit;
using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>Reads a store message into the <see cref="EmailItem"/> a device gets: the MIME is parsed once, persistently.</summary>
internal static class EmailReader
{
    /// <summary>Reads a message; <paramref name="mime"/> is read from its current position and not disposed.</summary>
    /// <param name="message">What the store knows of the message: flags, keywords, arrival time.</param>
    /// <param name="mime">The message's MIME.</param>
    /// <param name="options">The device's version, body preferences and limits.</param>
    /// <param name="fileReferencePrefix">The attachments' FileReference prefix, e.g. the item's ServerId.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<EmailItem> ReadAsync(MailMessage message, Stream mime, EmailOptions options, string fileReferencePrefix, CancellationToken cancellationToken)
    {
        using var source = await MimeSource.LoadAsync(mime, cancellationToken);
        var parsed = source.Message;
        var text = MessageText.Find(parsed);
        var smime = MessageClassifier.IsSmime(parsed);
        var choice = BodyChoice.For(options, smime);
        var (conversationId, conversationIndex) = ConversationIds.For(parsed, message.ReceivedAt);
        var isDraft = message.Flags.HasFlag(MessageFlags.Draft);
        var meeting = smime ? null : Meetings.Invitation.Find(parsed);
        return new EmailItem
        {
            Version = options.Version,
            To = WbxmlText.SafeOrNull(Envelope.Addresses(parsed.To)),
            Cc = WbxmlText.SafeOrNull(Envelope.Addresses(parsed.Cc)),
            From = WbxmlText.SafeOrNull(Envelope.Addresses(parsed.From)),
            ReplyTo = WbxmlText.SafeOrNull(Envelope.Addresses(parsed.ReplyTo)),
            Subject = WbxmlText.SafeOrNull(parsed.Subject),
            DateReceived = message.ReceivedAt,
            DisplayTo = WbxmlText.SafeOrNull(Envelope.DisplayTo(parsed)),
            ThreadTopic = WbxmlText.Safe(Envelope.ThreadTopic(parsed)),
            Importance = Envelope.Importance(parsed),
            Read = message.Flags.HasFlag(MessageFlags.Seen),
            Flag = EmailFlags.FollowUpOf(message),
            Attachments = options.NoAttachments ? [] : Attachments(source, options, fileReferencePrefix),
            Body = EmailBody.Create(choice, text, limit => Mime(source, limit), options.Version >= ProtocolVersion.V140),
            MessageClass = MeetingRequestElement.ClassOf(meeting) ?? MessageClassifier.Classify(parsed),
            Meeting = meeting,
            NativeBodyType = text.NativeBodyType,
            ConversationId = conversationId,
            ConversationIndex = conversationIndex,
            Categories = message.Keywords,
            LastVerb = LastVerbOf(message),
            ReceivedAsBcc = isDraft ? null : ReceivedAsBcc(parsed, options.AccountAddresses),
            Sender = WbxmlText.SafeOrNull(SenderOf(parsed)),
            IsDraft = isDraft,
            Bcc = WbxmlText.SafeOrNull(Envelope.Addresses(parsed.Bcc)),
        };
    }

    /// <summary>What a Sync Change for mail carries (MIME never changes): Read, Flag and, from 14.0, Categories and the last verb.</summary>
    public static void WriteFlagsChange(WbxmlWriter writer, MailMessage message, ProtocolVersion version)
    {
        EmailFlags.WriteRead(writer, message);
        EmailFlags.WriteFlag(writer, EmailFlags.FollowUpOf(message));
        EmailFlags.WriteCategories(writer, message.Keywords, version);
        if (version >= ProtocolVersion.V140 && LastVerbOf(message) is { } verb)
        {
            writer.WriteElement(Email2.LastVerbExecuted, (int)verb.Verb);
            if (verb.At is { } at)
            {
                writer.WriteElement(Email2.LastVerbExecutionTime, EasDate.Format(at));
            }
        }
    }

    private static List<EmailAttachment> Attachments(MimeSource source, EmailOptions options, string fileReferencePrefix)
    {
        var listed = new List<EmailAttachment>();
        var entities = AttachmentCatalog.List(source.Message);
        for (var index = 0; index < entities.Count; index++)
        {
            var size = AttachmentCatalog.EstimatedSize(entities[index], source);

            // FIELD-NOTES 18: empty attachments are dropped (iOS sends 0-byte calendar files).
            if (size > 0 && options.Allows(size))
            {
                listed.Add(EmailAttachment.Create(entities[index], index, size, fileReferencePrefix));
            }
        }

        return listed;
    }

    /// <summary>
    /// The MIME as a string of at most <paramref name="limit"/> bytes, and its full size. The stored bytes
    /// are sent as they are (S/MIME signatures stay valid) when they are UTF-8, as 7-bit MIME always is;
    /// raw 8-bit MIME in another charset is re-encoded to 7 bits first, or the device would read garbage.
    /// </summary>
    private static (string Mime, long Size) Mime(MimeSource source, long? limit)
    {
        // One byte past the limit tells whether the cut falls inside a character.
        var truncated = limit is { } max && max < source.Length;
        var raw = source.ReadRaw(truncated ? limit!.Value + 1 : source.Length);
        var cut = truncated ? BodyTruncation.CharacterCut(raw, (int)limit!.Value) : raw.Length;
        if (Utf8.IsValid(raw.AsSpan(0, cut)) && !raw.AsSpan(0, cut).Contains((byte)0))
        {
            return (Encoding.UTF8.GetString(raw, 0, cut), source.Length);
        }

        using var sevenBit = new MemoryStream();
        source.Message.Prepare(EncodingConstraint.SevenBit);
        source.Message.WriteTo(sevenBit);
        var encoded = sevenBit.GetBuffer().AsSpan(0, (int)sevenBit.Length);
        return (Encoding.ASCII.GetString(encoded[..(int)Math.Min(encoded.Length, limit ?? long.MaxValue)]), encoded.Length);
    }

    /// <summary>The store's last verb, else one from the Answered and Forwarded flags (the time then unknown).</summary>
    private static LastVerb? LastVerbOf(MailMessage message) => message.LastVerb ?? message.Flags switch
    {
        var flags when flags.HasFlag(MessageFlags.Answered) => new LastVerb(MessageVerb.ReplyToSender, null),
        var flags when flags.HasFlag(MessageFlags.Forwarded) => new LastVerb(MessageVerb.Forward, null),
        _ => null,
    };

    /// <summary>MS-ASEMAIL 2.2.2.59: received, but none of the account's addresses is in To or Cc (nor is it the sender).</summary>
    private static bool? ReceivedAsBcc(MimeMessage message, IReadOnlyList<string> accountAddresses)
    {
        if (accountAddresses.Count == 0 || Envelope.Contains(message.From.Mailboxes, accountAddresses))
        {
            return accountAddresses.Count == 0 ? null : false;
        }

        return !Envelope.Contains(message.To.Mailboxes.Concat(message.Cc.Mailboxes), accountAddresses);
    }

    private static string? SenderOf(MimeMessage message)
    {
        if (message.Sender is not { } sender)
        {
            return null;
        }

        var sameAsFrom = message.From.Mailboxes.Any(m => m.Address.Equals(sender.Address, StringComparison.OrdinalIgnoreCase));
        return sameAsFrom ? null : sender.ToString();
    }
}
