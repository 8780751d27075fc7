using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// A forward-only reader of the WBXML 1.3 EAS uses (SWITCH_PAGE, END, STR_I, OPAQUE, tags with and
/// without content, code pages 0-25), in the manner of Utf8JsonReader: no allocation per token.
/// Anything else, or anything past the limits, throws <see cref="WbxmlException"/> with the offset.
/// </summary>
public ref struct WbxmlReader
{
    private const byte SwitchPage = 0x00;
    private const byte End = 0x01;
    private const byte StrI = 0x03;
    private const byte Opaque = 0xC3;
    private const byte ContentBit = 0x40;
    private const byte AttributeBit = 0x80;

    private readonly ReadOnlySpan<byte> _data;
    private readonly WbxmlReaderOptions _options;
    private readonly WbxmlTag[] _open;
    private int _position;
    private byte _page;
    private bool _rootClosed;

    /// <summary>Starts reading a document: the header is read and checked at once.</summary>
    public WbxmlReader(ReadOnlySpan<byte> data, WbxmlReaderOptions? options = null)
    {
        _data = data;
        _options = options ?? WbxmlReaderOptions.Default;
        _open = new WbxmlTag[Math.Clamp(_options.MaxDepth, 1, 1024)]; // once per document, not per token
        ReadHeader();
    }

    /// <summary>What the reader is on.</summary>
    public WbxmlTokenType TokenType { get; private set; }

    /// <summary>The element of the current start or end token.</summary>
    public WbxmlTag Tag { get; private set; }

    /// <summary>Whether the current start element has content (and so an end token).</summary>
    public bool HasContent { get; private set; }

    /// <summary>The bytes of the current string (UTF-8, without its terminator) or opaque value.</summary>
    public ReadOnlySpan<byte> ValueSpan { get; private set; }

    /// <summary>How many elements are open around the current token.</summary>
    public int Depth { get; private set; }

    /// <summary>How many bytes have been read.</summary>
    public readonly int BytesConsumed => _position;

    /// <summary>Moves to the next token.</summary>
    /// <returns>False at the end of the document.</returns>
    public bool Read()
    {
        ValueSpan = default;
        if (TokenType == WbxmlTokenType.StartElement && HasContent)
        {
            Depth++;
        }

        while (true)
        {
            if (_position >= _data.Length)
            {
                if (Depth > 0 || !_rootClosed)
                {
                    throw Fail("the document ends before its elements are closed");
                }

                TokenType = WbxmlTokenType.None;
                return false;
            }

            if (_rootClosed)
            {
                throw Fail("there is data after the root element");
            }

            var token = _data[_position++];
            switch (token)
            {
                case SwitchPage:
                    var page = NextByte();
                    if (page >= WbxmlCodePages.PageCount)
                    {
                        throw Fail($"unknown code page {page}");
                    }

                    _page = page;
                    continue;
                case End:
                    if (Depth == 0)
                    {
                        throw Fail("END without an open element");
                    }

                    Depth--;
                    Tag = _open[Depth];
                    TokenType = WbxmlTokenType.EndElement;
                    _rootClosed = Depth == 0;
                    return true;
                case StrI:
                    RequireOpenElement("a string");
                    ValueSpan = ReadString();
                    TokenType = WbxmlTokenType.Text;
                    return true;
                case Opaque:
                    RequireOpenElement("opaque data");
                    ValueSpan = ReadOpaque();
                    TokenType = WbxmlTokenType.Opaque;
                    return true;
                default:
                    ReadTag(token);
                    return true;
            }
        }
    }

    /// <summary>Skips the current element with everything inside it; on any other token, does nothing.</summary>
    public void Skip()
    {
        if (TokenType != WbxmlTokenType.StartElement || !HasContent)
        {
            return;
        }

        var depth = Depth;
        while (Read() && !(TokenType == WbxmlTokenType.EndElement && Depth == depth))
        {
        }
    }

    /// <summary>The current string as text.</summary>
    public readonly string GetString() => Encoding.UTF8.GetString(ValueSpan);

    /// <summary>The current string as a number, if it is one.</summary>
    public readonly bool TryGetInt32(out int value) =>
        System.Buffers.Text.Utf8Parser.TryParse(ValueSpan, out value, out var consumed) && consumed == ValueSpan.Length;

    private void ReadTag(byte token)
    {
        if ((token & AttributeBit) != 0 || (token & 0x3F) < 0x05)
        {
            throw Fail($"token 0x{token:X2} is not used by EAS");
        }

        var id = (byte)(token & 0x3F);
        if (!WbxmlCodePages.IsKnown(_page, id))
        {
            throw Fail($"unknown tag 0x{id:X2} on code page {_page}");
        }

        Tag = new WbxmlTag(_page, id);
        HasContent = (token & ContentBit) != 0;
        TokenType = WbxmlTokenType.StartElement;
        if (HasContent)
        {
            if (Depth + 1 > _open.Length)
            {
                throw Fail($"elements nest deeper than {_open.Length}");
            }

            _open[Depth] = Tag;
        }

        if (!HasContent && Depth == 0)
        {
            _rootClosed = true;
        }
    }

    private void RequireOpenElement(string what)
    {
        if (Depth == 0)
        {
            throw Fail($"{what} outside any element");
        }
    }

    private ReadOnlySpan<byte> ReadString()
    {
        var rest = _data[_position..];
        var end = rest.IndexOf((byte)0);
        if (end < 0)
        {
            throw Fail("a string has no terminator");
        }

        if (end > _options.MaxStringLength)
        {
            throw Fail($"a string is longer than {_options.MaxStringLength} bytes");
        }

        _position += end + 1;
        return rest[..end];
    }

    private ReadOnlySpan<byte> ReadOpaque()
    {
        var length = ReadMultiByteInteger();
        if (length > _options.MaxOpaqueLength)
        {
            throw Fail($"opaque data is longer than {_options.MaxOpaqueLength} bytes");
        }

        if (length > _data.Length - _position)
        {
            throw Fail("opaque data goes past the end of the document");
        }

        var value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    // WBXML 1.3 §5.4: version, public id, charset, string table.
    private void ReadHeader()
    {
        var version = NextByte();
        if (version is 0 or > 0x03)
        {
            throw Fail($"WBXML version 0x{version:X2} is not supported");
        }

        if (ReadMultiByteInteger() == 0)
        {
            ReadMultiByteInteger(); // a public id given as a string-table index
        }

        var charset = ReadMultiByteInteger();
        if (charset is not (0x6A or 0))
        {
            throw Fail($"charset {charset} is not UTF-8");
        }

        var tableLength = ReadMultiByteInteger();
        if (tableLength > (uint)(_data.Length - _position))
        {
            throw Fail("the string table goes past the end of the document");
        }

        _position += (int)tableLength;
    }

    // WBXML mb_u_int32: seven bits per byte, high bit set on all but the last, at most five bytes.
    private uint ReadMultiByteInteger()
    {
        uint value = 0;
        for (var i = 0; i < 5; i++)
        {
            var b = NextByte();
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw Fail("a multi-byte integer is longer than 32 bits");
    }

    private byte NextByte() => _position < _data.Length ? _data[_position++] : throw Fail("the document is truncated");

    private readonly WbxmlException Fail(string message) => new(message, _position);
}
