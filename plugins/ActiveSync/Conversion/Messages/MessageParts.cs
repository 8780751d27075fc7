using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>
/// How a message's parts are numbered as attachments, the same way for listing them in Sync and fetching
/// them by FileReference: in document order, every part that is not a text body (a non-attachment
/// text/plain or text/html part), and not empty (FIELD-NOTES 18: 0-byte parts are noise).
/// </summary>
internal static class MessageParts
{
    public static IEnumerable<MimeEntity> Attachments(MimeMessage message)
    {
        foreach (var entity in Walk(message.Body))
        {
            if (entity is TextPart { IsAttachment: false } text && (text.IsPlain || text.IsHtml) && string.IsNullOrEmpty(text.ContentId))
            {
                continue;
            }

            if (entity is MimePart part && EncodedLength(part) == 0)
            {
                continue;
            }

            yield return entity;
        }
    }

    /// <summary>The size of a part once decoded, from its encoded size.</summary>
    public static long EstimatedSize(MimeEntity entity) => entity switch
    {
        MimePart part => part.ContentTransferEncoding == ContentEncoding.Base64 ? EncodedLength(part) * 3 / 4 : EncodedLength(part),
        MessagePart { Message: { } embedded } => EstimateMessage(embedded),
        _ => 0,
    };

    public static string FileName(MimeEntity entity, int index) => entity switch
    {
        MimePart { FileName: { Length: > 0 } name } => name,
        MessagePart { Message.Subject: { Length: > 0 } subject } => subject + ".eml",
        MimePart { ContentType.MediaSubtype: var subtype } => $"attachment{index + 1}.{subtype.ToLowerInvariant()}",
        _ => $"attachment{index + 1}",
    };

    private static long EncodedLength(MimePart part) => part.Content?.Stream?.Length ?? 0;

    private static long EstimateMessage(MimeMessage message)
    {
        using var counter = new MimeKit.IO.MeasuringStream();
        message.WriteTo(counter);
        return counter.Length;
    }

    private static IEnumerable<MimeEntity> Walk(MimeEntity? entity)
    {
        switch (entity)
        {
            case null:
                yield break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    foreach (var part in Walk(child))
                    {
                        yield return part;
                    }
                }

                break;
            default:
                yield return entity; // a MimePart, or a MessagePart kept whole as an embedded message
                break;
        }
    }
}
