using System.Buffers.Binary;

namespace Passerelle.ActiveSync.Fetching;

/// <summary>
/// The data parts of a multipart ItemOperations answer (MS-ASCMD 2.2.2.9.1): part 0 is the WBXML
/// document, each further part one content the document refers to by number.
/// </summary>
internal sealed class DataParts
{
    private readonly List<(Stream Content, long Length)> _parts = [];

    public const string ContentType = "application/vnd.ms-sync.multipart";

    /// <summary>Adds a content; returns its part number.</summary>
    public int Add(Stream content, long length)
    {
        _parts.Add((content, length));
        return _parts.Count;
    }

    /// <summary>
    /// Writes the whole answer: the part count, each part's offset and length (32-bit little-endian),
    /// then the parts. The contents are copied as they are read.
    /// </summary>
    public async Task WriteAsync(Stream output, ReadOnlyMemory<byte> document, CancellationToken cancellationToken)
    {
        var count = _parts.Count + 1;
        var header = new byte[4 + (8 * count)];
        BinaryPrimitives.WriteInt32LittleEndian(header, count);
        long offset = header.Length;
        WriteMetaData(header, 0, offset, document.Length);
        offset += document.Length;
        for (var i = 0; i < _parts.Count; i++)
        {
            WriteMetaData(header, i + 1, offset, _parts[i].Length);
            offset += _parts[i].Length;
        }

        await output.WriteAsync(header, cancellationToken);
        await output.WriteAsync(document, cancellationToken);
        foreach (var (content, length) in _parts)
        {
            await CopyExactlyAsync(content, output, length, cancellationToken);
        }
    }

    private static void WriteMetaData(byte[] header, int part, long offset, long length)
    {
        if (offset + length > int.MaxValue)
        {
            throw new InvalidOperationException("a multipart answer cannot pass 2 GB (32-bit offsets)");
        }

        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4 + (8 * part)), (int)offset);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8 + (8 * part)), (int)length);
    }

    private static async Task CopyExactlyAsync(Stream content, Stream output, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        for (var remaining = length; remaining > 0;)
        {
            var read = await content.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException($"an attachment ended {remaining} bytes before its announced length");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }
    }
}
