using System.Reflection;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlCodecTests
{
    public static TheoryData<string, WbxmlTag> EveryTag()
    {
        var data = new TheoryData<string, WbxmlTag>();
        foreach (var page in typeof(WbxmlTag).Assembly.GetTypes().Where(t => t.Namespace == "Passerelle.ActiveSync.Wbxml" && t.IsAbstract && t.IsSealed && t.GetField("Page") is not null))
        {
            foreach (var field in page.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(WbxmlTag)))
            {
                data.Add($"{page.Name}.{field.Name}", (WbxmlTag)field.GetValue(null)!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTag))]
    public void EveryTag_WrittenWithTextAndEmpty_ReadsBackTheSame(string name, WbxmlTag tag)
    {
        using var stream = new MemoryStream();
        var writer = new WbxmlWriter(stream);
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteElement(tag, "value é");
        writer.WriteEmptyElement(tag);
        writer.WriteEndElement();
        writer.Flush();

        var root = WbxmlDocument.Parse(stream.ToArray());

        Assert.Equal([tag, tag], root.Children.Select(c => c.Tag));
        Assert.Equal("value é", root.Children[0].Text);
        Assert.Equal("", root.Children[1].Text);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Writer_StartThenEnd_WritesATagWithoutContent()
    {
        using var stream = new MemoryStream();
        var writer = new WbxmlWriter(stream);
        writer.WriteEmptyElement(FolderHierarchy.FolderSync);
        writer.Flush();

        Assert.Equal("03016A00000716", Convert.ToHexString(stream.ToArray()));
    }

    [Fact]
    public void Writer_EndWithoutStart_Throws()
    {
        var writer = new WbxmlWriter(new MemoryStream());

        Assert.Throws<InvalidOperationException>(writer.WriteEndElement);
    }

    [Fact]
    public void Opaque_RoundTripsAsBytes()
    {
        using var stream = new MemoryStream();
        var writer = new WbxmlWriter(stream);
        writer.WriteStartElement(ComposeMail.SendMail);
        writer.WriteOpaque(ComposeMail.Mime, new byte[] { 0, 1, 2, 255 });
        writer.WriteEndElement();
        writer.Flush();

        var root = WbxmlDocument.Parse(stream.ToArray());

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, root.Element(ComposeMail.Mime)!.Opaque!.Value.ToArray());
    }

    [Fact]
    public async Task StreamedOpaqueAndBase64_MatchTheirBufferedForms()
    {
        var data = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        using var stream = new MemoryStream();
        var writer = new WbxmlWriter(stream);
        writer.WriteStartElement(ItemOperations.ItemOperationsTag);
        await writer.WriteOpaqueAsync(ItemOperations.Data, new MemoryStream(data), data.Length, CancellationToken.None);
        await writer.WriteBase64Async(ItemOperations.Data, new MemoryStream(data), CancellationToken.None);
        writer.WriteEndElement();
        await writer.FlushAsync(CancellationToken.None);

        var root = WbxmlDocument.Parse(stream.ToArray());

        Assert.Equal(data, root.Children[0].Opaque!.Value.ToArray());
        Assert.Equal(Convert.ToBase64String(data), root.Children[1].Text);
    }

    [Fact]
    public void Writer_LongDocument_SwitchesPagesOnlyWhenNeeded()
    {
        using var stream = new MemoryStream();
        var writer = new WbxmlWriter(stream);
        writer.WriteStartElement(AirSync.Sync);
        for (var i = 0; i < 5000; i++)
        {
            writer.WriteStartElement(AirSync.ApplicationData);
            writer.WriteElement(Email.Subject, $"subject {i}");
            writer.WriteElement(Email.Read, 1);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Flush();

        var root = WbxmlDocument.Parse(stream.ToArray());

        Assert.Equal(5000, root.Children.Count);
        Assert.Equal("subject 4999", root.Children[^1].Value(Email.Subject));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "empty", "" },
        { "header only", "03016A00" },
        { "bad version", "09016A0045" + "01" },
        { "not utf-8", "030104004501" },
        { "truncated", "03016A00454F" },
        { "unknown page", "03016A00001E4501" },
        { "unknown token", "03016A00003F01" },
        { "attributes", "03016A00C501" },
        { "end without element", "03016A0001" },
        { "string without terminator", "03016A004503616263" },
        { "string outside element", "03016A00036100" },
        { "opaque past the end", "03016A0045C3056162" },
        { "integer too long", "03016A0045C3FFFFFFFFFF01" },
        { "two roots", "03016A00050501" },
        { "data after root", "03016A00450101" },
        { "string table past the end", "03016A7F" },
        { "entity", "03016A004502410101" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedDocument_ThrowsWbxmlExceptionOnly(string why, string hex)
    {
        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(Convert.FromHexString(hex)));

        Assert.True(exception.Offset >= 0, why);
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_Throws()
    {
        var hex = "03016A00" + string.Concat(Enumerable.Repeat("5C", 100)) + string.Concat(Enumerable.Repeat("01", 100));

        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(Convert.FromHexString(hex), new WbxmlReaderOptions { MaxDepth = 64 }));

        Assert.Contains("deeper", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StringLongerThanTheLimit_Throws()
    {
        var hex = "03016A0045" + "03" + string.Concat(Enumerable.Repeat("61", 100)) + "00" + "01";

        Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(Convert.FromHexString(hex), new WbxmlReaderOptions { MaxStringLength = 10 }));
    }

    [Fact]
    public void Reader_ReadsTokensWithDepth()
    {
        var bytes = Convert.FromHexString("03016A00" + "45" + "4B03310001" + "20" + "01");
        var reader = new WbxmlReader(bytes);
        var seen = new List<string>();
        while (reader.Read())
        {
            seen.Add($"{reader.TokenType}:{reader.Depth}:{(reader.TokenType == WbxmlTokenType.Text ? reader.GetString() : reader.Tag.Name)}");
        }

        Assert.Equal(["StartElement:0:Sync", "StartElement:1:SyncKey", "Text:2:1", "EndElement:1:SyncKey", "StartElement:1:Supported", "EndElement:0:Sync"], seen);
    }
}
