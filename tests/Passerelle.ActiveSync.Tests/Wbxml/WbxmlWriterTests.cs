using System.Buffers;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using static Passerelle.ActiveSync.Tests.Wbxml.WbxmlTestData;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlWriterTests
{
    [Fact]
    public void Write_FolderSync_WritesHeaderPageSwitchAndInlineString()
    {
        var bytes = Write(w =>
        {
            w.WriteStartElement(FolderHierarchy.FolderSync);
            w.WriteElement(FolderHierarchy.SyncKey, "0");
            w.WriteEndElement();
        });

        Assert.Equal("03016A00000756520330000101", Convert.ToHexString(bytes));
    }

    [Fact]
    public void WriteStartElement_ImmediatelyEnded_WritesATagWithoutContent()
    {
        var bytes = Write(w =>
        {
            w.WriteStartElement(AirSync.Sync);
            w.WriteStartElement(AirSync.GetChanges);
            w.WriteEndElement();
            w.WriteEmptyElement(AirSync.DeletesAsMoves);
            w.WriteElement(AirSync.Class, "");
            w.WriteOpaque(Email2.ConversationId, []);
            w.WriteEndElement();
        });

        Assert.Equal(Document(0x45, 0x13, 0x1E, 0x10, 0x00, 0x16, 0x09, 0x01), bytes);
    }

    [Fact]
    public void WriteElement_Integers_WriteInvariantDecimal()
    {
        var bytes = Write(w =>
        {
            w.WriteStartElement(AirSync.Sync);
            w.WriteElement(AirSync.WindowSize, 25);
            w.WriteElement(AirSync.Status, -1L);
            w.WriteEndElement();
        });

        Assert.Equal(Document(0x45, 0x55, 0x03, (byte)'2', (byte)'5', 0x00, 0x01, 0x4E, 0x03, (byte)'-', (byte)'1', 0x00, 0x01, 0x01), bytes);
    }

    [Fact]
    public void WriteOpaque_WritesLengthAsMultiByteInteger()
    {
        var data = new byte[200];
        var bytes = Write(w => w.WriteOpaque(ComposeMail.Mime, data));

        Assert.Equal(Document([0x00, 0x15, 0x50, 0xC3, 0x81, 0x48, .. data, 0x01]), bytes);
    }

    [Fact]
    public void WriteEndElement_MoreThanStarted_ThrowsInvalidOperation()
    {
        using var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteEndElement();

        Assert.Throws<InvalidOperationException>(writer.WriteEndElement);
    }

    [Fact]
    public void WriteStartElement_AfterTheRoot_ThrowsInvalidOperation()
    {
        using var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());
        writer.WriteElement(AirSync.Sync, "x");

        Assert.Throws<InvalidOperationException>(() => writer.WriteStartElement(AirSync.Sync));
        Assert.Throws<InvalidOperationException>(() => writer.WriteString("text"));
    }

    [Fact]
    public void WriteElement_UndefinedTagOrZeroChar_ThrowsArgument()
    {
        using var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<ArgumentException>(() => writer.WriteStartElement(new WbxmlTag(0, 0x3F)));
        Assert.Throws<ArgumentException>(() => writer.WriteElement(AirSync.Sync, "a\0b"));
    }

    [Fact]
    public void Stream_BytesPendingUntilFlush_ThenCommitted()
    {
        using var stream = new MemoryStream();
        using var writer = new WbxmlWriter(stream);
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteElement(AirSync.SyncKey, "1");

        Assert.Equal(0, stream.Length);
        Assert.Equal(10, writer.BytesPending);
        writer.Flush();
        Assert.Equal(10, stream.Length);
        Assert.Equal((0L, 10L), (writer.BytesPending, writer.BytesCommitted));

        writer.WriteEndElement();
        writer.Flush();
        Assert.Equal(Document(0x45, 0x4B, 0x03, (byte)'1', 0x00, 0x01, 0x01), stream.ToArray());
    }

    [Fact]
    public async Task WriteOpaqueAsync_LargeStream_StreamsItWithoutBufferingIt()
    {
        const long length = 50L * 1024 * 1024;
        var output = new CountingStream();
        await using (var writer = new WbxmlWriter(output))
        {
            writer.WriteStartElement(ItemOperations.ItemOperationsTag);
            await writer.WriteOpaqueAsync(ItemOperations.Data, new PatternStream(length), length, CancellationToken.None);
            Assert.InRange(writer.BytesPending, 0, 16);
            writer.WriteEndElement();
        }

        // header 4, switch 2, tag 1, tag 1, OPAQUE 1, mb_uint32(50 MiB) 4, data, END, END
        Assert.Equal(4 + 2 + 1 + 1 + 1 + 4 + length + 2, output.Length);
        Assert.InRange(output.LargestWrite, 1, 64 * 1024);
        Assert.True(output.DataMatchesPattern);
    }

    [Fact]
    public async Task WriteOpaqueAsync_SourceShorterThanLength_ThrowsEndOfStream()
    {
        await using var writer = new WbxmlWriter(new ArrayBufferWriter<byte>());

        await Assert.ThrowsAsync<EndOfStreamException>(() =>
            writer.WriteOpaqueAsync(ComposeMail.Mime, new MemoryStream(new byte[10]), 11, CancellationToken.None));
    }

    [Fact]
    public async Task WriteOpaqueAsync_BufferWriter_WritesTheSameBytesAsWriteOpaque()
    {
        var data = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        var expected = Write(w => w.WriteOpaque(ComposeMail.Mime, data));
        var output = new ArrayBufferWriter<byte>();
        await using (var writer = new WbxmlWriter(output))
        {
            await writer.WriteOpaqueAsync(ComposeMail.Mime, new MemoryStream(data), data.Length, CancellationToken.None);
        }

        Assert.Equal(expected, output.WrittenSpan.ToArray());
    }

    internal static byte[] Write(Action<WbxmlWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new WbxmlWriter(output))
        {
            write(writer);
        }

        return output.WrittenSpan.ToArray();
    }

    // A repeating byte pattern (period 251, prime, so it never lines up with a chunk size), long
    // enough that any chunk of up to 128 KiB at any phase is one slice of it.
    private static readonly byte[] s_pattern = Enumerable.Range(0, 251 + (128 * 1024)).Select(i => (byte)(i % 251)).ToArray();

    private static ReadOnlySpan<byte> Pattern(long position, int length) => s_pattern.AsSpan((int)(position % 251), length);

    // Source of the pattern, never held in memory.
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(Math.Min(buffer.Length, 128 * 1024), length - _position);
            Pattern(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // Sink that counts bytes, checks the opaque data against the pattern, and remembers the largest write.
    private sealed class CountingStream : Stream
    {
        private const int DataStart = 13;
        private const long DataLength = 50L * 1024 * 1024;
        private long _length;

        public long LargestWrite { get; private set; }
        public bool DataMatchesPattern { get; private set; } = true;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            // The part of this write that falls inside the opaque data.
            var from = Math.Max(_length, DataStart);
            var to = Math.Min(_length + buffer.Length, DataStart + DataLength);
            if (to > from)
            {
                var data = buffer.Slice((int)(from - _length), (int)(to - from));
                DataMatchesPattern &= data.SequenceEqual(Pattern(from - DataStart, data.Length));
            }

            _length += buffer.Length;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
