using MimeKit;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// A message handed to the store, copied to a temporary file and parsed with its content left in the file
/// (MimeKit's persistent parsing), so that a large message is never held in memory.
/// </summary>
internal sealed class MessageContent : IAsyncDisposable
{
    private readonly FileStream _file;

    private MessageContent(FileStream file, MimeMessage message)
    {
        _file = file;
        Message = message;
    }

    public MimeMessage Message { get; }

    public long Length => _file.Length;

    /// <exception cref="InvalidItemException">The content is not a MIME message.</exception>
    public static async Task<MessageContent> ReadAsync(Stream mime, string temporaryDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(temporaryDirectory);
        var file = new FileStream(
            Path.Combine(temporaryDirectory, $"{Guid.NewGuid():N}.eml"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await mime.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            MimeMessage message;
            try
            {
                message = await MimeMessage.LoadAsync(file, persistent: true, cancellationToken);
            }
            catch (FormatException exception)
            {
                throw new InvalidItemException("The content is not a MIME message.", exception);
            }

            if (file.Length == 0 || message.Headers.Count == 0)
            {
                throw new InvalidItemException("The content is not a MIME message: it has no header.");
            }

            return new MessageContent(file, message);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Message.Dispose();
        await _file.DisposeAsync();
    }
}
