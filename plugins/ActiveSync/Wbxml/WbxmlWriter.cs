using System.Buffers;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// Writes EAS WBXML 1.3 (MS-ASWBXML 2.1.1) to an <see cref="IBufferWriter{T}"/> or a
/// <see cref="Stream"/>, in the shape of <c>Utf8JsonWriter</c>. It writes the header
/// (<c>03 01 6A 00</c>: version 1.3, public id 1, UTF-8, empty string table), switches code pages
/// for the caller, writes strings inline (STR_I) and checks the structure: ending more elements
/// than were started, or writing after the root element, throws <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>
/// A start element immediately followed by its end, an empty string and empty opaque data are all
/// written as a tag without content. Output is buffered until <see cref="Flush"/> or
/// <see cref="FlushAsync"/> (for a <see cref="Stream"/>) or until the buffer from the
/// <see cref="IBufferWriter{T}"/> is full; <see cref="Dispose"/> flushes.
/// </remarks>
public sealed partial class WbxmlWriter : IDisposable, IAsyncDisposable
{
    private const byte SwitchPage = 0x00;
    private const byte End = 0x01;
    private const byte StrI = 0x03;
    private const byte OpaqueToken = 0xC3;
    private const byte ContentBit = 0x40;
    private static readonly byte[] s_header = [0x03, 0x01, 0x6A, 0x00];

    private readonly IBufferWriter<byte> _output;
    private readonly Stream? _stream;
    private readonly PooledBufferWriter? _streamBuffer;
    private Memory<byte> _memory;
    private int _buffered;
    private long _committed;
    private byte _page;
    private bool _headerWritten;
    private bool _rootClosed;
    private bool _hasPendingStart;
    private WbxmlTag _pendingStart;
    private int _depth;

    /// <summary>Creates a writer into a buffer writer (a <c>PipeWriter</c>, an <c>ArrayBufferWriter</c>...).</summary>
    public WbxmlWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>
    /// Creates a writer into a stream; bytes reach it on <see cref="Flush"/> or <see cref="FlushAsync"/>.
    /// Dispose it with <c>await using</c> when the stream refuses synchronous writes (an HTTP response body).
    /// </summary>
    public WbxmlWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The stream is not writable", nameof(output));
        }

        _stream = output;
        _streamBuffer = new PooledBufferWriter();
        _output = _streamBuffer;
    }

    /// <summary>Bytes written but not yet handed to the output (not advanced, or not flushed to the stream).</summary>
    public long BytesPending => _buffered + (_streamBuffer?.WrittenCount ?? 0);

    /// <summary>Bytes handed to the output so far.</summary>
    public long BytesCommitted => _committed;

    /// <summary>The number of elements started and not yet ended.</summary>
    public int CurrentDepth => _depth;

    /// <summary>Starts an element; its content follows, then <see cref="WriteEndElement"/>.</summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteStartElement(WbxmlTag tag)
    {
        BeginElement(tag);
        _hasPendingStart = true;
        _pendingStart = tag;
        _depth++;
    }

    /// <summary>Ends the innermost open element.</summary>
    /// <exception cref="InvalidOperationException">No element is open.</exception>
    public void WriteEndElement()
    {
        if (_depth == 0)
        {
            ThrowHelper.ThrowInvalidOperation("WriteEndElement without an open element");
        }

        if (_hasPendingStart)
        {
            // Nothing was written inside: a tag without content, and no END.
            _hasPendingStart = false;
            WriteTagToken(_pendingStart, content: false);
        }
        else
        {
            WriteByte(End);
        }

        _depth--;
        _rootClosed = _depth == 0;
    }

    /// <summary>Writes an element without content, e.g. <c>&lt;GetChanges/&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The tag is not defined in the EAS code pages.</exception>
    /// <exception cref="InvalidOperationException">The root element is already complete.</exception>
    public void WriteEmptyElement(WbxmlTag tag)
    {
        BeginElement(tag);
        WriteTagToken(tag, content: false);
        _rootClosed = _depth == 0;
    }

    /// <summary>Hands the buffered bytes to the output: advances the buffer writer, or writes to the stream and flushes it.</summary>
    public void Flush()
    {
        Commit();
        if (_stream is not null)
        {
            _stream.Write(_streamBuffer!.WrittenMemory.Span);
            _committed += _streamBuffer.WrittenCount;
            _streamBuffer.Clear();
            _stream.Flush();
        }
    }

    /// <summary>Flushes (see <see cref="Flush"/>) and returns the pooled buffer.</summary>
    public void Dispose()
    {
        if (_streamBuffer is null)
        {
            Commit();
            return;
        }

        try
        {
            Flush();
        }
        finally
        {
            _streamBuffer.Dispose();
        }
    }

    private void BeginElement(WbxmlTag tag)
    {
        if (!WbxmlCodePages.IsDefined(tag))
        {
            throw new ArgumentException($"{tag} is not defined in the EAS code pages", nameof(tag));
        }

        if (_rootClosed)
        {
            ThrowHelper.ThrowInvalidOperation($"Cannot write {tag}: the root element is already complete");
        }

        WritePendingStart();
    }

    private void EnsureInElement(string what)
    {
        if (_depth == 0)
        {
            ThrowHelper.ThrowInvalidOperation($"Cannot write {what} outside an element");
        }

        WritePendingStart();
    }

    private void WritePendingStart()
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            WriteBytes(s_header);
        }

        if (_hasPendingStart)
        {
            _hasPendingStart = false;
            WriteTagToken(_pendingStart, content: true);
        }
    }

    private void WriteTagToken(WbxmlTag tag, bool content)
    {
        var span = GetSpan(3);
        var n = 0;
        if (tag.Page != _page)
        {
            span[n++] = SwitchPage;
            span[n++] = tag.Page;
            _page = tag.Page;
        }

        span[n++] = content ? (byte)(tag.Token | ContentBit) : tag.Token;
        _buffered += n;
    }

    private void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _buffered++;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _buffered += bytes.Length;
    }

    // WBXML 1.3 section 5.1: mb_u_int32, most significant 7-bit group first.
    private void WriteMultiByteUInt32(uint value)
    {
        Span<byte> groups = stackalloc byte[5];
        var i = groups.Length;
        groups[--i] = (byte)(value & 0x7F);
        while ((value >>= 7) != 0)
        {
            groups[--i] = (byte)(0x80 | (value & 0x7F));
        }

        WriteBytes(groups[i..]);
    }

    private Span<byte> GetSpan(int size)
    {
        if (_memory.Length - _buffered < size)
        {
            Grow(size);
        }

        return _memory.Span[_buffered..];
    }

    private void Grow(int size)
    {
        Commit();
        _memory = _output.GetMemory(Math.Max(size, 256));
        if (_memory.Length < size)
        {
            throw new InvalidOperationException($"The output gave a buffer of {_memory.Length} bytes for a request of {size}");
        }
    }

    private void Commit()
    {
        if (_buffered == 0)
        {
            return;
        }

        _output.Advance(_buffered);
        if (_stream is null)
        {
            _committed += _buffered;
        }

        _buffered = 0;
        _memory = default;
    }
}
