using System.Xml;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using static Passerelle.ActiveSync.Tests.Wbxml.WbxmlTestData;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlXmlTests
{
    public static TheoryData<string> GoldenVectors => new(GoldenNames);

    [Theory]
    [MemberData(nameof(GoldenVectors))]
    public void ToXml_GoldenBytes_RendersTheGoldenXmlText(string name)
    {
        var expected = string.Join('\n', GoldenXml(name).ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("<!DOCTYPE", StringComparison.Ordinal)));

        var xml = WbxmlXml.ToXml(GoldenBytes(name));

        Assert.Equal(expected.TrimEnd('\n') + "\n", xml);
    }

    [Theory]
    [MemberData(nameof(GoldenVectors))]
    public void FromXml_GoldenXmlWithItsDoctype_GivesTheGoldenBytes(string name)
    {
        Assert.Equal(Convert.ToHexString(GoldenBytes(name)), Convert.ToHexString(WbxmlXml.FromXml(GoldenXml(name))));
    }

    [Fact]
    public void ToXml_OpaqueControlCharactersAndCarriageReturns_RoundTripExactly()
    {
        var bytes = WbxmlWriterTests.Write(w =>
        {
            w.WriteStartElement(AirSync.Sync);
            w.WriteOpaque(Email2.ConversationId, [0x00, 0xFF, 0x10]);
            w.WriteElement(Email.Subject, "bell \u0007 here");
            w.WriteElement(AirSyncBase.Data, "line 1\r\nline 2 <&>");
            w.WriteStartElement(Email.Subject);
            w.WriteUtf8String([0xC3, 0x28]);
            w.WriteEndElement();
            w.WriteEndElement();
        });

        var xml = WbxmlXml.ToXml(bytes);

        Assert.Contains("<email2:ConversationId opaque=\"base64\">AP8Q</email2:ConversationId>", xml, StringComparison.Ordinal);
        Assert.Contains("<email:Subject string=\"base64\">", xml, StringComparison.Ordinal);
        Assert.Contains("<airsyncbase:Data>line 1&#xD;\nline 2 &lt;&amp;&gt;</airsyncbase:Data>", xml, StringComparison.Ordinal);
        Assert.Equal(bytes, WbxmlXml.FromXml(xml));
    }

    [Fact]
    public void ToXml_OpaqueHoldingAWbxmlDocument_RendersItNested()
    {
        var inner = GoldenBytes("foldersync-request");
        var bytes = WbxmlWriterTests.Write(w =>
        {
            w.WriteStartElement(ItemOperations.ItemOperationsTag);
            w.WriteOpaque(ItemOperations.Data, inner);
            w.WriteEndElement();
        });

        var xml = WbxmlXml.ToXml(bytes);

        Assert.Equal(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <ItemOperations xmlns="ItemOperations:">
              <Data opaque="wbxml">
                <FolderSync xmlns="FolderHierarchy:">
                  <SyncKey>0</SyncKey>
                </FolderSync>
              </Data>
            </ItemOperations>

            """.ReplaceLineEndings("\n"),
            xml);
        Assert.Equal(bytes, WbxmlXml.FromXml(xml));
    }

    [Fact]
    public void ToXml_ProvisionDocument_KeepsEasProvisionDocInline()
    {
        var xml = """
            <Provision xmlns="Provision:">
              <Policies>
                <Policy>
                  <PolicyType>MS-EAS-Provisioning-WBXML</PolicyType>
                  <Status>1</Status>
                  <PolicyKey>3942919513</PolicyKey>
                  <Data>
                    <EASProvisionDoc>
                      <DevicePasswordEnabled>0</DevicePasswordEnabled>
                    </EASProvisionDoc>
                  </Data>
                </Policy>
              </Policies>
            </Provision>
            """;

        var bytes = WbxmlXml.FromXml(xml);
        var data = WbxmlDocument.Parse(bytes).Element(Provision.Policies)!.Element(Provision.Policy)!.Element(Provision.Data)!;

        Assert.Null(data.Opaque);
        Assert.Equal("0", data.Element(Provision.EASProvisionDoc)!.Value(Provision.DevicePasswordEnabled));
        Assert.Contains("      <Data>\n        <EASProvisionDoc>", WbxmlXml.ToXml(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE a [<!ENTITY e \"hi\">]><Sync xmlns=\"AirSync:\"><SyncKey>&e;</SyncKey></Sync>")]
    [InlineData("<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Sync xmlns=\"AirSync:\"><SyncKey>&e;</SyncKey></Sync>")]
    [InlineData("<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><Sync xmlns=\"AirSync:\"><SyncKey>&d;</SyncKey></Sync>")]
    [InlineData("<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><Sync xmlns=\"AirSync:\"/>")]
    [InlineData("<Sync xmlns=\"AirSync:\"><SyncKey>&undeclared;</SyncKey></Sync>")]
    public void FromXml_DtdOrEntities_IsRejected(string xml)
    {
        Assert.Throws<XmlException>(() => WbxmlXml.FromXml(xml));
    }

    [Theory]
    [InlineData("<Sync><SyncKey>1</SyncKey></Sync>", "no EAS namespace")]
    [InlineData("<Sync xmlns=\"Nope:\"/>", "not an EAS code page namespace")]
    [InlineData("<Sync xmlns=\"AirSync:\"><Subject>1</Subject></Sync>", "AirSync: has no element Subject")]
    [InlineData("<Sync xmlns=\"AirSync:\">text<SyncKey>1</SyncKey></Sync>", "mixed")]
    [InlineData("<Sync xmlns=\"AirSync:\" id=\"1\"/>", "unexpected attribute")]
    [InlineData("<Sync xmlns=\"AirSync:\" opaque=\"base64\">!!</Sync>", "not base64")]
    public void FromXml_WhatEasDoesNotHave_IsRejectedWithTheReason(string xml, string reason)
    {
        var exception = Assert.Throws<XmlException>(() => WbxmlXml.FromXml(xml));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, exception.LineNumber);
    }

    [Fact]
    public void FromXml_XsdNamespaceFormWithoutColon_IsAccepted()
    {
        Assert.Equal(GoldenBytes("foldersync-request"), WbxmlXml.FromXml("<FolderSync xmlns=\"FolderHierarchy\"><SyncKey>0</SyncKey></FolderSync>"));
    }

    [Fact]
    public void ToXml_MalformedInput_ThrowsWbxmlException()
    {
        Assert.Throws<WbxmlException>(() => WbxmlXml.ToXml(Document(0x45)));
    }
}
