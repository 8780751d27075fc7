using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Sqlite.Tests;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>A big message goes to disk and back as a stream; measured alone, since allocations are process-wide.</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class LargeMessageTests
{
    private const int Size = 40 * 1024 * 1024;

    [Fact]
    public async Task FortyMegabyteMessage_IsStoredAndReadBack_WithoutBeingHeldInMemory()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var account = await store.CreateAccountAsync("big");
        var inbox = (await store.Mail.GetFoldersAsync(account, CancellationToken.None)).Single(f => f.Role == MailFolderRole.Inbox).Id;

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var message = await store.Mail.AppendAsync(account, inbox, new GeneratedMessageStream(Size), MessageFlags.None, null, CancellationToken.None);
        long read = 0;
        await using (var content = await store.Mail.OpenMessageAsync(account, inbox, message.Id, CancellationToken.None))
        {
            var buffer = new byte[81920];
            int count;
            while ((count = await content.ReadAsync(buffer)) > 0)
            {
                read += count;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(message.Size, read);
        Assert.True(message.Size > Size);
        Assert.True(allocated < Size / 4, $"{allocated:N0} bytes allocated for a {message.Size:N0}-byte message");
        Assert.Equal("big attachment", message.Envelope?.Subject);
    }

    /// <summary>A MIME message with a large base64 attachment, produced as it is read.</summary>
    private sealed class GeneratedMessageStream(int bodyBytes) : Stream
    {
        private static readonly byte[] Header = System.Text.Encoding.ASCII.GetBytes(
            "From: a@example.net\r\nTo: big@example.test\r\nSubject: big attachment\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=big.bin\r\n\r\n");

        private static readonly byte[] Line = System.Text.Encoding.ASCII.GetBytes(new string('Q', 76) + "\r\n");
        private static readonly byte[] Trailer = System.Text.Encoding.ASCII.GetBytes("--b--\r\n");
        private readonly long _length = Header.Length + ((bodyBytes / Line.Length) * (long)Line.Length) + Trailer.Length;
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < _length)
            {
                buffer[offset + written++] = ByteAt(_position++);
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private byte ByteAt(long position)
        {
            if (position < Header.Length)
            {
                return Header[position];
            }

            var trailerStart = _length - Trailer.Length;
            return position >= trailerStart ? Trailer[position - trailerStart] : Line[(position - Header.Length) % Line.Length];
        }
    }
}
