using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// Writes WBXML 1.3 as EAS uses it: the header, code page switches done for the caller, tags with and
/// without content (a start immediately followed by its end is written without content), STR_I strings
/// and OPAQUE data, large values streamed. Structure is checked: ending more than was started throws.
/// </summary>
/// <remarks>
/// The synchronous methods write to the stream synchronously when the buffer fills: use them with a
/// memory stream; stream straight to a response with the asynchronous ones and <see cref="FlushAsync"/>.
/// </remarks>
public sealed class WbxmlWriter
{
    private static readonly byte[] Header = [0x03, 0x01, 0x6A, 0x00];
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _pending;
    private long _committed;
    private byte _page;
    private bool _headerWritten;
    private WbxmlTag? _openStart;
    private int _depth;

    /// <summary>Creates a writer for a stream.</summary>
    public WbxmlWriter(Stream stream) => _stream = stream;

    /// <summary>Bytes written to the stream so far.</summary>
    public long BytesCommitted => _committed;

    /// <summary>Bytes buffered, not yet written to the stream.</summary>
    public int BytesPending => _pending;

    /// <summary>Starts an element.</summary>
    public void WriteStartElement(WbxmlTag tag)
    {
        CompleteOpenStart(withContent: true);
        _openStart = tag;
        _depth++;
    }

    /// <summary>Ends the innermost open element.</summary>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteEndElement()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("WriteEndElement without an open element.");
        }

        _depth--;
        if (_openStart is not null)
        {
            CompleteOpenStart(withContent: false);
            return;
        }

        WriteByte(0x01);
    }

    /// <summary>Writes an inline string inside the open element.</summary>
    public void WriteString(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        RequireOpenElement();
        CompleteOpenStart(withContent: true);
        WriteByte(0x03);
        WriteUtf8(text);
        WriteByte(0x00);
    }

    /// <summary>Writes an element holding a string; an empty string gives an element without content.</summary>
    public void WriteElement(WbxmlTag tag, string text)
    {
        WriteStartElement(tag);
        WriteString(text);
        WriteEndElement();
    }

    /// <summary>Writes an element holding a number.</summary>
    public void WriteElement(WbxmlTag tag, long value) => WriteElement(tag, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes an element without content.</summary>
    public void WriteEmptyElement(WbxmlTag tag)
    {
        WriteStartElement(tag);
        WriteEndElement();
    }

    /// <summary>Writes an element holding opaque data.</summary>
    public void WriteOpaque(WbxmlTag tag, ReadOnlySpan<byte> data)
    {
        WriteStartElement(tag);
        CompleteOpenStart(withContent: true);
        WriteByte(0xC3);
        WriteMultiByteInteger((uint)data.Length);
        WriteBytes(data);
        WriteEndElement();
    }

    /// <summary>Writes an element holding opaque data read from a stream of known length, without holding it.</summary>
    public async Task WriteOpaqueAsync(WbxmlTag tag, Stream data, long length, CancellationToken cancellationToken)
    {
        WriteStartElement(tag);
        CompleteOpenStart(withContent: true);
        WriteByte(0xC3);
        WriteMultiByteInteger(checked((uint)length));
        var copied = 0L;
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (copied < length)
            {
                var read = await data.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - copied)), cancellationToken);
                if (read == 0)
                {
                    throw new EndOfStreamException($"the opaque data ended after {copied} of {length} bytes");
                }

                await WriteBytesAsync(chunk.AsMemory(0, read), cancellationToken);
                copied += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        WriteEndElement();
    }

    /// <summary>Writes an element holding the base64 text of a stream's content, without holding it (ItemOperations Data).</summary>
    public async Task WriteBase64Async(WbxmlTag tag, Stream data, CancellationToken cancellationToken)
    {
        WriteStartElement(tag);
        CompleteOpenStart(withContent: true);
        WriteByte(0x03);
        var chunk = ArrayPool<byte>.Shared.Rent(57 * 1024); // a multiple of 3: no padding inside the text
        var encoded = ArrayPool<byte>.Shared.Rent(76 * 1024);
        try
        {
            int read;
            while ((read = await ReadFullyAsync(data, chunk, 57 * 1024, cancellationToken)) > 0)
            {
                Base64.EncodeToUtf8(chunk.AsSpan(0, read), encoded, out _, out var written);
                await WriteBytesAsync(encoded.AsMemory(0, written), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            ArrayPool<byte>.Shared.Return(encoded);
        }

        WriteByte(0x00);
        WriteEndElement();
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _pending);
        Commit();
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(_buffer.AsMemory(0, _pending), cancellationToken);
        Commit();
        await _stream.FlushAsync(cancellationToken);
    }

    private void CompleteOpenStart(bool withContent)
    {
        if (_openStart is not { } tag)
        {
            return;
        }

        _openStart = null;
        if (!_headerWritten)
        {
            WriteBytes(Header);
            _headerWritten = true;
        }

        if (tag.Page != _page)
        {
            WriteByte(0x00);
            WriteByte(tag.Page);
            _page = tag.Page;
        }

        WriteByte((byte)(tag.Token | (withContent ? 0x40 : 0)));
    }

    private void RequireOpenElement()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Content outside any element.");
        }
    }

    private void WriteUtf8(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max <= _buffer.Length - _pending)
        {
            _pending += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_pending));
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            WriteBytes(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void WriteMultiByteInteger(uint value)
    {
        Span<byte> bytes = stackalloc byte[5];
        var index = 4;
        bytes[index] = (byte)(value & 0x7F);
        while ((value >>= 7) != 0)
        {
            bytes[--index] = (byte)(0x80 | (value & 0x7F));
        }

        WriteBytes(bytes[index..]);
    }

    private void WriteByte(byte value)
    {
        if (_pending == _buffer.Length)
        {
            Flush();
        }

        _buffer[_pending++] = value;
    }

    private void WriteBytes(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_pending == _buffer.Length)
            {
                Flush();
            }

            var count = Math.Min(data.Length, _buffer.Length - _pending);
            data[..count].CopyTo(_buffer.AsSpan(_pending));
            _pending += count;
            data = data[count..];
        }
    }

    private async Task WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.Length > _buffer.Length - _pending)
        {
            await _stream.WriteAsync(_buffer.AsMemory(0, _pending), cancellationToken);
            Commit();
        }

        if (data.Length > _buffer.Length)
        {
            await _stream.WriteAsync(data, cancellationToken);
            _committed += data.Length;
            return;
        }

        data.Span.CopyTo(_buffer.AsSpan(_pending));
        _pending += data.Length;
    }

    private void Commit()
    {
        _committed += _pending;
        _pending = 0;
    }

    private static async Task<int> ReadFullyAsync(Stream stream, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total < count && (read = await stream.ReadAsync(buffer.AsMemory(total, count - total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
