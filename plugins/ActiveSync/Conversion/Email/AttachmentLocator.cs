using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>Opens an attachment by its number (see <see cref="AttachmentCatalog"/>) for ItemOperations Fetch.</summary>
/// <remarks>
/// The MIME is parsed persistently (<see cref="MimeSource"/>): the content is decoded as it is read
/// from a window on the source, never held whole. The exact length costs one extra decoding pass for
/// base64 and quoted-printable parts, in constant memory; a message/rfc822 part is its stored bytes.
/// </remarks>
internal static class AttachmentLocator
{
    /// <summary>
    /// The attachment numbered <paramref name="index"/>, or null when there is none. The content reads
    /// from <paramref name="mime"/>, which must stay open until the content is disposed.
    /// </summary>
    public static async Task<AttachmentContent?> OpenAsync(Stream mime, int index, CancellationToken cancellationToken)
    {
        var source = await MimeSource.LoadAsync(mime, cancellationToken);
        try
        {
            var attachments = AttachmentCatalog.List(source.Message);
            if (index < 0 || index >= attachments.Count)
            {
                source.Dispose();
                return null;
            }

            var entity = attachments[index];
            var name = AttachmentCatalog.DisplayName(entity, index);
            if (entity is MessagePart message)
            {
                return new AttachmentContent(name, "message/rfc822", source.EmbeddedLength(message), source.OpenEmbedded(message), source);
            }

            var part = (MimePart)entity;
            var length = IsIdentity(part) ? part.Content?.Stream?.Length ?? 0 : AttachmentCatalog.DecodedSize(part);
            var content = part.Content?.Open() ?? new MemoryStream([], writable: false);
            return new AttachmentContent(name, part.ContentType.MimeType, length, content, source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static bool IsIdentity(MimePart part) =>
        part.Content?.Encoding is ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary;
}
