using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>
/// The attachments of a message, numbered for FileReference (<c>{prefix}:{n}</c>, n from 0).
/// </summary>
/// <remarks>
/// The numbering walks the MIME tree depth first in document order (MimeMessage.BodyParts order) and
/// counts every part that is an attachment: each message/rfc822 part (not entered), and each leaf that
/// is not body text, where body text is a text/* part with neither a file name nor an attachment
/// disposition (so inline images with a Content-Id, files and calendar files all count; the text/plain,
/// text/html and text/calendar alternatives do not). The signature of a multipart/signed is not counted.
/// Numbers depend only on the MIME, never on the device's options: an empty (0-byte) part or one a
/// policy hides keeps its number, unlisted, so every FileReference stays valid.
/// </remarks>
internal static class AttachmentCatalog
{
    // Exact sizes below this many encoded bytes, so that an empty attachment is known to be empty.
    private const int ExactSizeBelow = 1024;

    public static IReadOnlyList<MimeEntity> List(MimeMessage message)
    {
        var attachments = new List<MimeEntity>();
        if (message.Body is { } body)
        {
            Visit(body, attachments);
        }

        return attachments;
    }

    /// <summary>The decoded size: exact for small or unencoded parts, else from the encoded length.</summary>
    public static long EstimatedSize(MimeEntity entity, MimeSource source)
    {
        if (entity is MessagePart message)
        {
            return source.EmbeddedLength(message);
        }

        if (entity is not MimePart { Content: { } content } part)
        {
            return 0;
        }

        var encoded = content.Stream?.Length ?? 0;
        return content.Encoding switch
        {
            _ when encoded < ExactSizeBelow && content.Encoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable or ContentEncoding.UUEncode => DecodedSize(part),
            ContentEncoding.Base64 => encoded * 57 / 78, // 76 characters and CRLF carry 57 bytes
            ContentEncoding.UUEncode => encoded * 45 / 62,
            _ => encoded,
        };
    }

    /// <summary>The exact decoded size, by decoding without keeping the bytes.</summary>
    public static long DecodedSize(MimePart part)
    {
        if (part.Content is not { } content)
        {
            return 0;
        }

        using var decoded = content.Open();
        Span<byte> buffer = stackalloc byte[4096];
        long total = 0;
        int read;
        while ((read = decoded.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>The file name to show: the part's, else one made from the subject or the type.</summary>
    public static string DisplayName(MimeEntity entity, int index)
    {
        if (entity is MessagePart message)
        {
            var subject = message.Message?.Subject;
            return (string.IsNullOrWhiteSpace(subject) ? "message" : Sanitize(subject)) + ".eml";
        }

        if (entity is MimePart { FileName: { Length: > 0 } name })
        {
            return name;
        }

        return MimeTypes.TryGetExtension(entity.ContentType.MimeType, out var extension)
            ? $"attachment-{index + 1}{extension}"
            : $"attachment-{index + 1}";
    }

    private static void Visit(MimeEntity entity, List<MimeEntity> attachments)
    {
        switch (entity)
        {
            case Multipart multipart:
                var signed = multipart.ContentType.IsMimeType("multipart", "signed");
                for (var i = 0; i < multipart.Count; i++)
                {
                    if (!(signed && i == 1))
                    {
                        Visit(multipart[i], attachments);
                    }
                }

                break;
            case MessagePart:
                attachments.Add(entity);
                break;
            case MimePart part when !MessageText.IsBodyText(part):
                attachments.Add(part);
                break;
        }
    }

    private static string Sanitize(string subject)
    {
        // Names devices save attachments under: no path or reserved characters on any system.
        var name = string.Concat(subject.Trim().Select(c => "/\\:*?\"<>|".Contains(c) || char.IsControl(c) ? '_' : c));
        return name.Length > 100 ? name[..100] : name;
    }
}
