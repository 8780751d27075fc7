using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;

namespace Passerelle.ActiveSync.Wbxml;

public sealed partial class WbxmlWriter
{
    private const int CopyChunkSize = 64 * 1024;
    private const int Base64ChunkSize = 48 * 1024; // a multiple of 3: no padding inside the text

    /// <summary>
    /// Writes an element holding opaque data read from a stream, exactly <paramref name="length"/>
    /// bytes, without holding it: pending bytes are handed to the output first and the data follows
    /// in chunks (with a <c>PipeWriter</c> output, each chunk is flushed).
    /// </summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is negative or above 4 GiB - 1 (mb_u_int32).</exception>
    /// <exception cref="EndOfStreamException">The source ended before <paramref name="length"/> bytes.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public async Task WriteOpaqueAsync(WbxmlTag tag, Stream source, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, uint.MaxValue);
        if (length == 0)
        {
            WriteEmptyElement(tag);
            return;
        }

        BeginElement(tag);
        WriteTagToken(tag, content: true);
        WriteByte(OpaqueToken);
        WriteMultiByteUInt32((uint)length);
        if (_stream is not null)
        {
            await CopyToStreamAsync(source, length, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CopyToBufferWriterAsync(source, length, cancellationToken).ConfigureAwait(false);
        }

        WriteByte(End);
        _rootClosed = _depth == 0;
    }

    /// <summary>
    /// Writes an element holding the base64 text (STR_I) of a stream's bytes read to its end, without
    /// holding them: ItemOperations Fetch sends an attachment's content so (MS-ASCMD 2.2.3.39.2). The text
    /// is handed to the output chunk by chunk.
    /// </summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public async Task WriteBase64Async(WbxmlTag tag, Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        BeginElement(tag);
        WriteTagToken(tag, content: true);
        WriteByte(StrI);
        var chunk = ArrayPool<byte>.Shared.Rent(Base64ChunkSize);
        var text = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(Base64ChunkSize));
        try
        {
            var held = 0;
            while (true)
            {
                var read = await source.ReadAsync(chunk.AsMemory(held, Base64ChunkSize - held), cancellationToken).ConfigureAwait(false);
                held += read;
                var last = read == 0;
                if (held == Base64ChunkSize || (last && held > 0))
                {
                    // Only the final chunk may end in a partial 3-byte group (padding).
                    Base64.EncodeToUtf8(chunk.AsSpan(0, held), text, out _, out var written, isFinalBlock: true);
                    WriteBytes(text.AsSpan(0, written));
                    held = 0;
                    await HandOverAsync(cancellationToken).ConfigureAwait(false);
                }

                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            ArrayPool<byte>.Shared.Return(text);
        }

        WriteByte(0);
        WriteByte(End);
        _rootClosed = _depth == 0;
    }

    // Passes what is buffered on, so that a long value never accumulates in the writer.
    private async Task HandOverAsync(CancellationToken cancellationToken)
    {
        Commit();
        if (_stream is not null)
        {
            await WriteStreamBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_output is PipeWriter pipe)
        {
            await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hands the buffered bytes to the output and flushes it (a stream, or a <c>PipeWriter</c>).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Commit();
        if (_stream is not null)
        {
            await WriteStreamBufferAsync(cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_output is PipeWriter pipe)
        {
            await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Flushes asynchronously and returns the pooled buffer.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _streamBuffer?.Dispose();
        }
    }

    private async Task CopyToStreamAsync(Stream source, long length, CancellationToken cancellationToken)
    {
        Commit();
        await WriteStreamBufferAsync(cancellationToken).ConfigureAwait(false);
        var chunk = ArrayPool<byte>.Shared.Rent(CopyChunkSize);
        try
        {
            for (var remaining = length; remaining > 0;)
            {
                var read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(remaining, chunk.Length)), cancellationToken).ConfigureAwait(false);
                ThrowIfEnded(read, length, remaining);
                await _stream!.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                _committed += read;
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task CopyToBufferWriterAsync(Stream source, long length, CancellationToken cancellationToken)
    {
        Commit();
        for (var remaining = length; remaining > 0;)
        {
            var memory = _output.GetMemory((int)Math.Min(remaining, CopyChunkSize));
            var read = await source.ReadAsync(memory[..(int)Math.Min(remaining, memory.Length)], cancellationToken).ConfigureAwait(false);
            ThrowIfEnded(read, length, remaining);
            _output.Advance(read);
            _committed += read;
            remaining -= read;
            if (_output is PipeWriter pipe)
            {
                await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteStreamBufferAsync(CancellationToken cancellationToken)
    {
        if (_streamBuffer!.WrittenCount == 0)
        {
            return;
        }

        await _stream!.WriteAsync(_streamBuffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _committed += _streamBuffer.WrittenCount;
        _streamBuffer.Clear();
    }

    private static void ThrowIfEnded(int read, long length, long remaining)
    {
        if (read == 0)
        {
            throw new EndOfStreamException($"The source stream ended after {length - remaining} of {length} bytes");
        }
    }
}
