using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>Opens the attachment a FileReference names (<c>COLLECTION:ITEM:N</c>, numbered as <see cref="MessageParts"/> numbers them).</summary>
internal static class AttachmentLocator
{
    public static async Task<AttachmentContent?> OpenAsync(Stream mime, int index, CancellationToken cancellationToken)
    {
        var source = mime.CanSeek ? mime : await CopyToTemporaryFileAsync(mime, cancellationToken);
        source.Position = 0;
        var message = await MimeMessage.LoadAsync(source, persistent: true, cancellationToken);
        var entity = MessageParts.Attachments(message).ElementAtOrDefault(index);
        if (entity is null)
        {
            return null;
        }

        // Decoded into a temporary file: a 50 MB attachment is never held whole in memory.
        var decoded = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        switch (entity)
        {
            case MimePart { Content: { } content }:
                await content.DecodeToAsync(decoded, cancellationToken);
                break;
            case MessagePart { Message: { } embedded }:
                await embedded.WriteToAsync(decoded, cancellationToken);
                break;
        }

        decoded.Position = 0;
        var contentType = entity is MessagePart ? "message/rfc822" : entity.ContentType.MimeType;
        return new AttachmentContent(MessageParts.FileName(entity, index), contentType, decoded);
    }

    private static async Task<Stream> CopyToTemporaryFileAsync(Stream mime, CancellationToken cancellationToken)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await mime.CopyToAsync(copy, cancellationToken);
        return copy;
    }
}

/// <summary>An attachment's name, type and decoded content (the caller disposes it).</summary>
internal sealed record AttachmentContent(string Name, string ContentType, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
