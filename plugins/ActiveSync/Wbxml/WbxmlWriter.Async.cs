using System.Buffers;
using System.IO.Pipelines;

namespace Passerelle.ActiveSync.Wbxml;

public sealed partial class WbxmlWriter
{
    private const int CopyChunkSize = 64 * 1024;

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
