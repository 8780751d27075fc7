using System.Buffers;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.ActiveSync.Tests.Wbxml;

/// <summary>The reader and the writer allocate per document, never per token.</summary>
public sealed class WbxmlAllocationTests
{
    private const int Emails = 200;

    private static readonly string s_body = string.Concat(Enumerable.Repeat("<p>Quarterly figures attached; headcount stays at fourteen. — Bob</p>\n", 80));

    [Fact]
    public void Read_SyncResponseOfAMegabyte_AllocatesNothingPerToken()
    {
        var document = WriteSyncResponse(new ArrayBufferWriter<byte>()).WrittenSpan.ToArray();
        Assert.InRange(document.Length, 1_000_000, 2_000_000);
        CountTokens(document);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = CountTokens(document);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(tokens > 5_000, $"{tokens} tokens");
        Assert.InRange(allocated, 0, 256);
    }

    [Fact]
    public void Write_SyncResponseOfAMegabyte_AllocatesNothingPerElement()
    {
        var output = new ArrayBufferWriter<byte>(2_000_000);
        WriteSyncResponse(output);
        output.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        WriteSyncResponse(output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, 512);
    }

    private static int CountTokens(byte[] document)
    {
        var reader = new WbxmlReader(document);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    private static ArrayBufferWriter<byte> WriteSyncResponse(ArrayBufferWriter<byte> output)
    {
        using var writer = new WbxmlWriter(output);
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteStartElement(AirSync.Collections);
        writer.WriteStartElement(AirSync.Collection);
        writer.WriteElement(AirSync.SyncKey, "2");
        writer.WriteStartElement(AirSync.Commands);
        for (var i = 0; i < Emails; i++)
        {
            writer.WriteStartElement(AirSync.Add);
            writer.WriteElement(AirSync.ServerId, i);
            writer.WriteStartElement(AirSync.ApplicationData);
            writer.WriteElement(Email.Subject, "Q3 budget & headcount");
            writer.WriteElement(Email.Read, 0);
            writer.WriteEmptyElement(Email.Flag);
            writer.WriteStartElement(AirSyncBase.Body);
            writer.WriteElement(AirSyncBase.Type, 2);
            writer.WriteElement(AirSyncBase.Data, s_body);
            writer.WriteEndElement();
            writer.WriteOpaque(Email2.ConversationId, [1, 2, 3, 4, 5, 6, 7, 8]);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        return output;
    }
}
