namespace Passerelle.ActiveSync.Wbxml;

public ref partial struct WbxmlReader
{
    // IANA MIBenum of UTF-8, the only charset EAS uses (MS-ASWBXML 2.1.1).
    private const uint Utf8Charset = 0x6A;

    // WBXML 1.3 section 5.3: version, publicid (or 0 and a string-table index), charset,
    // string table. EAS sends 03 01 6A 00; 1.1 and 1.2 share the layout and are accepted.
    private void ReadHeader()
    {
        _headerRead = true;
        if (_buffer.IsEmpty)
        {
            ThrowHelper.ThrowWbxml("Empty document", 0);
        }

        var version = _buffer[0];
        if (version is < 0x01 or > 0x03)
        {
            ThrowHelper.ThrowWbxml($"Unsupported WBXML version 0x{version:X2} (EAS uses 1.3, 0x03)", 0);
        }

        _position = 1;
        var publicId = ReadMultiByteUInt32();
        uint? publicIdIndex = publicId == 0 ? ReadMultiByteUInt32() : null;

        var charsetOffset = _position;
        var charset = ReadMultiByteUInt32();
        if (charset != Utf8Charset)
        {
            ThrowHelper.ThrowWbxml($"Unsupported charset {charset} (EAS uses UTF-8, 0x6A)", charsetOffset);
        }

        var tableOffset = _position;
        var tableLength = ReadMultiByteUInt32();
        if (tableLength > (uint)(_buffer.Length - _position))
        {
            ThrowHelper.ThrowWbxml($"Document ends inside its string table of {tableLength} bytes", tableOffset);
        }

        _stringTableOffset = _position;
        _stringTable = _buffer.Slice(_position, (int)tableLength);
        _position += (int)tableLength;
        if (publicIdIndex >= tableLength)
        {
            ThrowHelper.ThrowWbxml($"Public identifier reference {publicIdIndex} is outside the string table", 1);
        }
    }
}
