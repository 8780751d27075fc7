using System.Buffers;
using MimeKit;
using MimeKit.IO;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>
/// A message parsed once, persistently: MimeKit keeps each part's content as a window on the source
/// stream instead of copying it, so a 50 MB attachment costs no memory until it is read. The source
/// must stay open while the message is used; a source that cannot seek is first copied (in memory up
/// to 4 MB, beyond that to a temporary file deleted on close).
/// </summary>
internal sealed class MimeSource : IDisposable
{
    private const int SpillThreshold = 4 * 1024 * 1024;

    // MimeKit's async parser costs several times the CPU of its sync one (a phone's sync parses thousands of
    // messages); a small seekable source, a stored file or a copy in memory, is parsed synchronously.
    private const int SyncParseLimit = 256 * 1024;

    private static readonly ParserOptions Options = new() { CharsetEncoding = TextCharsets.Windows1252 };

    private readonly Stream? _ownedCopy;
    private readonly Dictionary<MimeEntity, (long Start, long End)> _embedded;

    private MimeSource(Stream stream, long start, MimeMessage message, Dictionary<MimeEntity, (long, long)> embedded, Stream? ownedCopy)
    {
        Stream = stream;
        Start = start;
        Message = message;
        _embedded = embedded;
        _ownedCopy = ownedCopy;
    }

    public MimeMessage Message { get; }

    /// <summary>The seekable stream the message was parsed from.</summary>
    public Stream Stream { get; }

    /// <summary>Where the message starts in <see cref="Stream"/>.</summary>
    public long Start { get; }

    /// <summary>The size of the whole message in bytes, as stored.</summary>
    public long Length => Stream.Length - Start;

    public static async Task<MimeSource> LoadAsync(Stream mime, CancellationToken cancellationToken)
    {
        var copy = mime.CanSeek ? null : await CopyAsync(mime, cancellationToken);
        var stream = copy ?? mime;
        try
        {
            var start = stream.Position;
            var embedded = new Dictionary<MimeEntity, (long, long)>(ReferenceEqualityComparer.Instance);
            var parser = new MimeParser(Options, stream, persistent: true);
            parser.MimeEntityEnd += (_, e) =>
            {
                if (e.Entity is MessagePart)
                {
                    embedded[e.Entity] = (e.HeadersEndOffset, e.EndOffset);
                }
            };
            var message = stream.Length - start <= SyncParseLimit
                ? parser.ParseMessage(cancellationToken)
                : await parser.ParseMessageAsync(cancellationToken);
            return new MimeSource(stream, start, message, embedded, copy);
        }
        catch
        {
            copy?.Dispose();
            throw;
        }
    }

    /// <summary>The bytes of the stored message, up to <paramref name="limit"/>.</summary>
    public byte[] ReadRaw(long limit)
    {
        var length = (int)Math.Min(Length, limit);
        var bytes = new byte[length];
        Stream.Position = Start;
        Stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The stored bytes of a message/rfc822 part's message (a window on the source, not a copy).</summary>
    public Stream OpenEmbedded(MessagePart part)
    {
        var (start, end) = EmbeddedRange(part);
        return new BoundStream(Stream, start, end, leaveOpen: true);
    }

    /// <summary>The size in bytes of a message/rfc822 part's message.</summary>
    public long EmbeddedLength(MessagePart part)
    {
        var (start, end) = EmbeddedRange(part);
        return end - start;
    }

    public void Dispose() => _ownedCopy?.Dispose();

    private (long Start, long End) EmbeddedRange(MessagePart part)
    {
        var (start, end) = _embedded[part];

        // The part's headers end with the blank line; the embedded message follows it.
        Stream.Position = start;
        var first = Stream.ReadByte();
        if (first == '\r')
        {
            first = Stream.ReadByte();
            start++;
        }

        return (first == '\n' ? start + 1 : start, Math.Max(start, end));
    }

    private static async Task<Stream> CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        Stream target = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (target is MemoryStream memory && memory.Length + read > SpillThreshold)
                {
                    target = await SpillAsync(memory, cancellationToken);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            target.Position = 0;
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<Stream> SpillAsync(MemoryStream memory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "passerelle-" + Path.GetRandomFileName());
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        memory.Position = 0;
        await memory.CopyToAsync(file, cancellationToken);
        return file;
    }
}
