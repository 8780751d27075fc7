using MailKit;
using MailKit.Net.Imap;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// Reads a message's MIME without holding a large one in memory. MailKit keeps a fetched body in memory,
/// so the message is fetched in partial ranges (RFC 3501 6.4.5, <c>BODY.PEEK[]&lt;offset.count&gt;</c>) of
/// one chunk each: a message that fits in the first chunk is returned from memory, a larger one is
/// written chunk by chunk to a temporary file deleted when the stream is closed.
/// </summary>
internal static class MessageDownload
{
    public static async Task<Stream> OpenAsync(ImapFolder folder, UniqueId uid, int chunkSize, string temporaryDirectory, CancellationToken cancellationToken)
    {
        var first = await ChunkAsync(folder, uid, 0, chunkSize, cancellationToken);
        if (first.Length < chunkSize)
        {
            return first;
        }

        Directory.CreateDirectory(temporaryDirectory);
        var file = new FileStream(
            Path.Combine(temporaryDirectory, $"{Guid.NewGuid():N}.eml"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var chunk = first;
            for (var offset = 0L; ; )
            {
                var length = chunk.Length;
                await using (chunk)
                {
                    await chunk.CopyToAsync(file, cancellationToken);
                }

                offset += length;
                if (length < chunkSize || offset > int.MaxValue - chunkSize)
                {
                    break;
                }

                chunk = await ChunkAsync(folder, uid, (int)offset, chunkSize, cancellationToken);
                if (chunk.Length == 0)
                {
                    await chunk.DisposeAsync();
                    break;
                }
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<Stream> ChunkAsync(ImapFolder folder, UniqueId uid, int offset, int count, CancellationToken cancellationToken)
    {
        try
        {
            return await folder.GetStreamAsync(uid, offset, count, cancellationToken);
        }
        catch (MessageNotFoundException exception)
        {
            throw new ItemNotFoundException($"Message {uid.Id} is not in {folder.FullName}.", exception);
        }
    }
}
