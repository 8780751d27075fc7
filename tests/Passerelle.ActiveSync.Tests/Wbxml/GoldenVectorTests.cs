using System.Buffers;
using System.Xml.Linq;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Wbxml;

/// <summary>Byte-exact vectors produced by libwbxml (xml2wbxml -a -n -v 1.3), in both directions.</summary>
public sealed class GoldenVectorTests
{
    public static TheoryData<string> Names => new(WbxmlTestData.GoldenNames);

    [Theory]
    [MemberData(nameof(Names))]
    public void Writer_GoldenDocument_WritesLibwbxmlBytes(string name)
    {
        var xml = XDocument.Parse(WbxmlTestData.GoldenXml(name));
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new WbxmlWriter(output))
        {
            WriteElement(writer, xml.Root!);
        }

        Assert.Equal(Convert.ToHexString(WbxmlTestData.GoldenBytes(name)), Convert.ToHexString(output.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reader_LibwbxmlBytes_ReadTheGoldenDocument(string name)
    {
        var expected = XDocument.Parse(WbxmlTestData.GoldenXml(name)).Root!;
        var root = WbxmlDocument.Parse(WbxmlTestData.GoldenBytes(name));

        AssertSameElement(expected, root);
    }

    // Independent of WbxmlXml: walks the XML with System.Xml.Linq and the registry only.
    private static void WriteElement(WbxmlWriter writer, XElement element)
    {
        Assert.True(WbxmlCodePages.TryGetTag(element.Name.NamespaceName, element.Name.LocalName, out var tag));
        if (!element.HasElements)
        {
            writer.WriteElement(tag, element.Value);
            return;
        }

        writer.WriteStartElement(tag);
        foreach (var child in element.Elements())
        {
            WriteElement(writer, child);
        }

        writer.WriteEndElement();
    }

    private static void AssertSameElement(XElement expected, WbxmlElement actual)
    {
        Assert.Equal(expected.Name.NamespaceName, WbxmlCodePages.GetNamespace(actual.Tag.Page));
        Assert.Equal(expected.Name.LocalName, actual.Name);
        var expectedChildren = expected.Elements().ToList();
        Assert.Equal(expectedChildren.Count, actual.Children.Count);
        if (expectedChildren.Count == 0)
        {
            Assert.Equal(expected.Value, actual.Text ?? "");
        }

        for (var i = 0; i < expectedChildren.Count; i++)
        {
            AssertSameElement(expectedChildren[i], actual.Children[i]);
        }
    }
}
