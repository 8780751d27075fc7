using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using static Passerelle.ActiveSync.Tests.Wbxml.WbxmlTestData;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlReaderTests
{
    [Fact]
    public void Read_GoldenFolderSync_GivesTokensWithDepthsAndOffsets()
    {
        var reader = new WbxmlReader(GoldenBytes("foldersync-request"));

        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.StartElement, FolderHierarchy.FolderSync, 0, true), (reader.TokenType, reader.Tag, reader.Depth, reader.HasContent));
        Assert.Equal(6, reader.TokenStartIndex);
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.StartElement, FolderHierarchy.SyncKey, 1), (reader.TokenType, reader.Tag, reader.Depth));
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.Text, FolderHierarchy.SyncKey, 2), (reader.TokenType, reader.Tag, reader.Depth));
        Assert.Equal("0", reader.GetString());
        Assert.True(reader.TryGetInt32(out var key));
        Assert.Equal(0, key);
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.EndElement, FolderHierarchy.SyncKey, 1), (reader.TokenType, reader.Tag, reader.Depth));
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.EndElement, FolderHierarchy.FolderSync, 0), (reader.TokenType, reader.Tag, reader.Depth));
        Assert.False(reader.Read());
        Assert.Equal(13, reader.BytesConsumed);
    }

    [Fact]
    public void Read_TagWithoutContent_GivesStartWithoutContentThenEnd()
    {
        // <Sync><GetChanges/></Sync>
        var reader = new WbxmlReader(Document(0x45, 0x13, 0x01));

        reader.Read();
        reader.Read();
        Assert.Equal((WbxmlTokenType.StartElement, AirSync.GetChanges, false, 1), (reader.TokenType, reader.Tag, reader.HasContent, reader.Depth));
        reader.Read();
        Assert.Equal((WbxmlTokenType.EndElement, AirSync.GetChanges, 1), (reader.TokenType, reader.Tag, reader.Depth));
        reader.Read();
        Assert.Equal((WbxmlTokenType.EndElement, AirSync.Sync), (reader.TokenType, reader.Tag));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_EmptyRootElement_IsACompleteDocument()
    {
        var reader = new WbxmlReader(Document(0x00, 0x0D, 0x05));

        Assert.True(reader.Read());
        Assert.Equal(Ping.PingTag, reader.Tag);
        Assert.True(reader.Read());
        Assert.Equal(WbxmlTokenType.EndElement, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Skip_OnStartElement_MovesToItsEnd()
    {
        var reader = new WbxmlReader(GoldenBytes("sync-response-body"));
        while (reader.Read() && reader.Tag != AirSync.Commands)
        {
        }

        reader.Skip();

        Assert.Equal((WbxmlTokenType.EndElement, AirSync.Commands), (reader.TokenType, reader.Tag));
        Assert.True(reader.Read());
        Assert.Equal((WbxmlTokenType.EndElement, AirSync.Collection), (reader.TokenType, reader.Tag));
    }

    [Fact]
    public void Read_Opaque_GivesItsBytes()
    {
        // <Sync><email2:ConversationId>OPAQUE 3 bytes</...></Sync>
        var reader = new WbxmlReader(Document(0x45, 0x00, 0x16, 0x49, 0xC3, 0x03, 0xAA, 0x00, 0xBB, 0x01, 0x01));

        reader.Read();
        reader.Read();
        reader.Read();

        Assert.Equal((WbxmlTokenType.Opaque, Email2.ConversationId), (reader.TokenType, reader.Tag));
        Assert.Equal([0xAA, 0x00, 0xBB], reader.ValueSpan.ToArray());
    }

    [Fact]
    public void Read_StringTableReference_GivesTheTableString()
    {
        // header with a string table "ab\0Hi\0"; <Sync>STR_T 3</Sync>
        byte[] bytes = [0x03, 0x01, 0x6A, 0x06, (byte)'a', (byte)'b', 0, (byte)'H', (byte)'i', 0, 0x45, 0x83, 0x03, 0x01];
        var reader = new WbxmlReader(bytes);

        reader.Read();
        reader.Read();

        Assert.Equal(WbxmlTokenType.Text, reader.TokenType);
        Assert.Equal("Hi", reader.GetString());
    }

    [Fact]
    public void TryGetInt32_NotANumber_IsFalse()
    {
        var reader = new WbxmlReader(Document(0x45, 0x03, (byte)'x', 0x00, 0x01));
        reader.Read();
        reader.Read();

        Assert.False(reader.TryGetInt32(out _));
    }

    [Fact]
    public void GetString_OnStartElement_ThrowsInvalidOperation()
    {
        var bytes = Document(0x45, 0x01);

        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new WbxmlReader(bytes);
            reader.Read();
            return reader.GetString();
        });
    }
}
