namespace Passerelle.ActiveSync.Fetching;

/// <summary>
/// A window of a forward-only stream: skips to an offset on first read, then ends after a count of bytes.
/// A Range fetch of an attachment reads so from its decoded content, which cannot seek.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long skip, long count) : Stream
{
    private long _toSkip = skip;
    private readonly long _count = count;
    private long _remaining = count;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _count;

    public override long Position
    {
        get => _count - _remaining;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int length) => ReadAsync(buffer.AsMemory(offset, length)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SkipAsync(cancellationToken);
        if (_remaining == 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken);
        _remaining -= read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int length, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, length), cancellationToken).AsTask();

    private async ValueTask SkipAsync(CancellationToken cancellationToken)
    {
        if (_toSkip == 0)
        {
            return;
        }

        var scratch = new byte[(int)Math.Min(_toSkip, 64 * 1024)];
        while (_toSkip > 0)
        {
            var read = await inner.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, _toSkip)), cancellationToken);
            if (read == 0)
            {
                _remaining = 0;
                break;
            }

            _toSkip -= read;
        }

        _toSkip = 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int length) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
