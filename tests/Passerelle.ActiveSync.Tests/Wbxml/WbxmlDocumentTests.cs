using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using static Passerelle.ActiveSync.Tests.Wbxml.WbxmlTestData;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlDocumentTests
{
    [Fact]
    public void Parse_SyncResponse_NavigatesByTag()
    {
        var sync = WbxmlDocument.Parse(GoldenBytes("sync-response-body"));

        var collection = sync.Element(AirSync.Collections)!.Element(AirSync.Collection)!;
        Assert.Equal("2", collection.Value(AirSync.SyncKey));
        Assert.Equal(1, collection.Int(AirSync.Status));
        var add = Assert.Single(collection.Element(AirSync.Commands)!.Elements(AirSync.Add));
        var data = add.Element(AirSync.ApplicationData)!;
        Assert.Equal("Hi", data.Value(Email.Subject));
        Assert.Equal("Yo", data.Element(AirSyncBase.Body)!.Value(AirSyncBase.Data));
        Assert.Equal(2L, data.Element(AirSyncBase.Body)!.Long(AirSyncBase.EstimatedDataSize));
        Assert.Null(data.Element(Email.To));
        Assert.Null(data.Value(Email.To));
        Assert.Null(data.Int(Email.Read));
    }

    [Fact]
    public void Parse_EmptyTagAndEmptyString_BothHaveNullTextAndEmptyValue()
    {
        // <Sync><GetChanges/><Class>STR_I ""</Class></Sync>
        var sync = WbxmlDocument.Parse(Document(0x45, 0x13, 0x50, 0x03, 0x00, 0x01, 0x01));

        var getChanges = sync.Element(AirSync.GetChanges)!;
        var cls = sync.Element(AirSync.Class)!;
        Assert.Null(getChanges.Text);
        Assert.Null(cls.Text);
        Assert.Null(getChanges.Opaque);
        Assert.Equal("", sync.Value(AirSync.GetChanges));
        Assert.Equal("", sync.Value(AirSync.Class));
        Assert.Null(sync.Value(AirSync.SyncKey));
    }

    [Fact]
    public void Parse_Opaque_SharesTheInputAndReadsAsUtf8Value()
    {
        var bytes = Document(0x00, 0x15, 0x45, 0x50, 0xC3, 0x02, (byte)'h', (byte)'i', 0x01, 0x01);

        var sendMail = WbxmlDocument.Parse(bytes);

        var mime = sendMail.Element(ComposeMail.Mime)!;
        Assert.Null(mime.Text);
        Assert.Equal("hi"u8.ToArray(), mime.Opaque!.Value.ToArray());
        Assert.Equal("hi", sendMail.Value(ComposeMail.Mime));
        Assert.Equal(7, mime.Offset);
    }

    [Fact]
    public void Parse_SeveralStringsInOneElement_AreJoined()
    {
        var root = WbxmlDocument.Parse(Document(0x45, 0x03, (byte)'a', 0x00, 0x03, (byte)'b', 0x00, 0x03, (byte)'c', 0x00, 0x01));

        Assert.Equal("abc", root.Text);
    }
}
