using System.Runtime.CompilerServices;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>
/// A forward-only reader of EAS WBXML 1.3 (MS-ASWBXML 2.1.1), in the shape of
/// <c>Utf8JsonReader</c>: each <see cref="Read"/> moves to the next token, exposed without
/// allocating. Malformed input or a passed limit throws <see cref="WbxmlException"/> with the byte
/// offset, and nothing else. Supported: the header with a string table, SWITCH_PAGE, tags with and
/// without content, END, STR_I, STR_T and OPAQUE. Attributes, entities, literals, extensions and
/// processing instructions are not EAS and are rejected.
/// </summary>
/// <remarks>
/// A tag without content reads as a <see cref="WbxmlTokenType.StartElement"/> with
/// <see cref="HasContent"/> false, immediately followed by its <see cref="WbxmlTokenType.EndElement"/>.
/// Every <see cref="Read"/> before the end of the root element returns true; after it, false.
/// Like <c>Utf8JsonReader</c>, it is a mutable struct: pass it to helpers by <c>ref</c>.
/// </remarks>
public ref partial struct WbxmlReader
{
    private const byte SwitchPage = 0x00;
    private const byte End = 0x01;
    private const byte StrI = 0x03;
    private const byte StrT = 0x83;
    private const byte OpaqueToken = 0xC3;
    private const byte ContentBit = 0x40;
    private const byte AttributeBit = 0x80;
    private const byte TokenMask = 0x3F;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly int _maxDepth;
    private readonly int _maxStringLength;
    private readonly int _maxOpaqueLength;
    private ReadOnlySpan<byte> _stringTable;
    private int _stringTableOffset;
    private int _position;
    private int _tokenStart;
    private int _openElements;
    private int _tokenDepth;
    private byte _page;
    private bool _headerRead;
    private bool _rootClosed;
    private bool _pendingEnd;
    private WbxmlTag[] _openTags;

    /// <summary>Creates a reader over a whole WBXML document.</summary>
    /// <exception cref="WbxmlException">The document is larger than <see cref="WbxmlReaderOptions.MaxDocumentSize"/>.</exception>
    public WbxmlReader(ReadOnlySpan<byte> document, WbxmlReaderOptions options = default)
    {
        if (document.Length > options.MaxDocumentSize)
        {
            ThrowHelper.ThrowWbxml($"Document of {document.Length} bytes is larger than the limit of {options.MaxDocumentSize}", options.MaxDocumentSize);
        }

        _buffer = document;
        _maxDepth = options.MaxDepth;
        _maxStringLength = options.MaxStringLength;
        _maxOpaqueLength = options.MaxOpaqueLength;
        _openTags = new WbxmlTag[Math.Min(_maxDepth, 16)];
    }

    /// <summary>The kind of the current token.</summary>
    public WbxmlTokenType TokenType { get; private set; }

    /// <summary>The element of the current start or end token; for text and opaque, the enclosing element.</summary>
    public WbxmlTag Tag { get; private set; }

    /// <summary>Whether the current start element has content (false for an empty tag, MS-ASWBXML 2.1.2).</summary>
    public bool HasContent { get; private set; }

    /// <summary>The bytes of the current text (UTF-8, without its terminator) or opaque token; empty otherwise.</summary>
    public ReadOnlySpan<byte> ValueSpan { get; private set; }

    /// <summary>
    /// The depth of the current token: 0 for the root's start and end, 1 for the root's children
    /// and text, and so on.
    /// </summary>
    public readonly int Depth => _tokenDepth;

    /// <summary>The bytes read so far, to the end of the current token.</summary>
    public readonly long BytesConsumed => _position;

    /// <summary>The offset where the current token starts.</summary>
    public readonly long TokenStartIndex => _tokenStart;

    /// <summary>Moves to the next token.</summary>
    /// <returns>True for a token; false once the root element has been read to its end.</returns>
    /// <exception cref="WbxmlException">The input is malformed, truncated or passes a limit.</exception>
    public bool Read()
    {
        if (_pendingEnd)
        {
            EndEmptyElement();
            return true;
        }

        if (!_headerRead)
        {
            ReadHeader();
        }

        while (true)
        {
            if (_position >= _buffer.Length)
            {
                if (_rootClosed)
                {
                    TokenType = WbxmlTokenType.None;
                    ValueSpan = default;
                    return false;
                }

                ThrowHelper.ThrowWbxml("Document ends before its root element is closed", _position);
            }

            _tokenStart = _position;
            var token = _buffer[_position];
            switch (token)
            {
                case SwitchPage:
                    ReadSwitchPage();
                    continue;
                case End:
                    ReadEnd();
                    return true;
                case StrI:
                    ReadInlineString();
                    return true;
                case StrT:
                    ReadTableString();
                    return true;
                case OpaqueToken:
                    ReadOpaque();
                    return true;
                default:
                    ReadTag(token);
                    return true;
            }
        }
    }

    /// <summary>
    /// On a start element, reads to its end element (which becomes the current token); on any
    /// other token, does nothing.
    /// </summary>
    /// <exception cref="WbxmlException">The input is malformed, truncated or passes a limit.</exception>
    public void Skip()
    {
        if (TokenType != WbxmlTokenType.StartElement)
        {
            return;
        }

        var depth = _tokenDepth;
        while (Read())
        {
            if (TokenType == WbxmlTokenType.EndElement && _tokenDepth == depth)
            {
                return;
            }
        }
    }

    private void ReadTag(byte token)
    {
        var id = (byte)(token & TokenMask);
        if (id < 0x05)
        {
            ThrowHelper.ThrowWbxml($"Unsupported WBXML token 0x{token:X2} (not used by EAS)", _position);
        }

        if ((token & AttributeBit) != 0)
        {
            ThrowHelper.ThrowWbxml($"Tag 0x{token:X2} has attributes, which EAS does not use", _position);
        }

        if (!WbxmlCodePages.IsDefined(_page, id))
        {
            ThrowHelper.ThrowWbxml($"Unknown token 0x{id:X2} on code page {_page} ({WbxmlCodePages.GetNamespace(_page)})", _position);
        }

        if (_rootClosed)
        {
            ThrowHelper.ThrowWbxml("Data after the root element", _position);
        }

        if (_openElements >= _maxDepth)
        {
            ThrowHelper.ThrowWbxml($"Elements nested deeper than the limit of {_maxDepth}", _position);
        }

        _position++;
        var tag = new WbxmlTag(_page, id);
        Tag = tag;
        TokenType = WbxmlTokenType.StartElement;
        ValueSpan = default;
        _tokenDepth = _openElements;
        if ((token & ContentBit) != 0)
        {
            HasContent = true;
            Push(tag);
        }
        else
        {
            HasContent = false;
            _pendingEnd = true;
        }
    }

    private void EndEmptyElement()
    {
        _pendingEnd = false;
        TokenType = WbxmlTokenType.EndElement;
        _tokenStart = _position;
        if (_openElements == 0)
        {
            _rootClosed = true;
        }
    }

    private void ReadEnd()
    {
        if (_openElements == 0)
        {
            ThrowHelper.ThrowWbxml(_rootClosed ? "Data after the root element" : "END without an open element", _position);
        }

        _position++;
        _openElements--;
        Tag = _openTags[_openElements];
        TokenType = WbxmlTokenType.EndElement;
        HasContent = true;
        ValueSpan = default;
        _tokenDepth = _openElements;
        _rootClosed = _openElements == 0;
    }

    private void ReadSwitchPage()
    {
        if (_position + 1 >= _buffer.Length)
        {
            ThrowHelper.ThrowWbxml("Document ends inside SWITCH_PAGE", _position);
        }

        var page = _buffer[_position + 1];
        if (page >= WbxmlCodePages.PageCount)
        {
            ThrowHelper.ThrowWbxml($"Unknown code page {page}", _position + 1);
        }

        _page = page;
        _position += 2;
    }

    private void ReadInlineString()
    {
        EnsureInElement();
        var start = _position + 1;
        var rest = _buffer[start..];
        var searched = rest.Length > _maxStringLength ? rest[..(_maxStringLength + 1)] : rest;
        var length = searched.IndexOf((byte)0);
        if (length < 0)
        {
            if (searched.Length > _maxStringLength)
            {
                ThrowHelper.ThrowWbxml($"String longer than the limit of {_maxStringLength} bytes", _position);
            }

            ThrowHelper.ThrowWbxml("Document ends inside a string (STR_I without its terminator)", _position);
        }

        SetValue(WbxmlTokenType.Text, rest[..length]);
        _position = start + length + 1;
    }

    private void ReadTableString()
    {
        EnsureInElement();
        _position++;
        var index = ReadMultiByteUInt32();
        if (index >= (uint)_stringTable.Length)
        {
            ThrowHelper.ThrowWbxml($"String table reference {index} is outside the table of {_stringTable.Length} bytes", _tokenStart);
        }

        var value = _stringTable[(int)index..];
        var length = value.IndexOf((byte)0);
        if (length < 0)
        {
            ThrowHelper.ThrowWbxml("String table entry without its terminator", _stringTableOffset + (int)index);
        }

        if (length > _maxStringLength)
        {
            ThrowHelper.ThrowWbxml($"String longer than the limit of {_maxStringLength} bytes", _tokenStart);
        }

        SetValue(WbxmlTokenType.Text, value[..length]);
    }

    private void ReadOpaque()
    {
        EnsureInElement();
        _position++;
        var length = ReadMultiByteUInt32();
        if (length > (uint)_maxOpaqueLength)
        {
            ThrowHelper.ThrowWbxml($"Opaque data of {length} bytes is longer than the limit of {_maxOpaqueLength}", _tokenStart);
        }

        if (length > (uint)(_buffer.Length - _position))
        {
            ThrowHelper.ThrowWbxml($"Document ends inside opaque data of {length} bytes", _tokenStart);
        }

        SetValue(WbxmlTokenType.Opaque, _buffer.Slice(_position, (int)length));
        _position += (int)length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetValue(WbxmlTokenType type, ReadOnlySpan<byte> value)
    {
        TokenType = type;
        ValueSpan = value;
        Tag = _openTags[_openElements - 1];
        HasContent = true;
        _tokenDepth = _openElements;
    }

    private readonly void EnsureInElement()
    {
        if (_openElements == 0)
        {
            ThrowHelper.ThrowWbxml(_rootClosed ? "Data after the root element" : "Content outside the root element", _position);
        }
    }

    private void Push(WbxmlTag tag)
    {
        if (_openElements == _openTags.Length)
        {
            Array.Resize(ref _openTags, Math.Min(_openTags.Length * 2, _maxDepth));
        }

        _openTags[_openElements++] = tag;
    }

    // WBXML 1.3 section 5.1: mb_u_int32, 7 bits per byte, high bit set on all but the last byte.
    private uint ReadMultiByteUInt32()
    {
        var start = _position;
        uint value = 0;
        for (var i = 0; i < 5; i++)
        {
            if (_position >= _buffer.Length)
            {
                ThrowHelper.ThrowWbxml("Document ends inside a multi-byte integer", start);
            }

            var b = _buffer[_position++];
            if (i == 4 && (value >> 25) != 0)
            {
                ThrowHelper.ThrowWbxml("Multi-byte integer larger than 32 bits", start);
            }

            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        ThrowHelper.ThrowWbxml("Multi-byte integer longer than 5 bytes", start);
        return 0;
    }
}
