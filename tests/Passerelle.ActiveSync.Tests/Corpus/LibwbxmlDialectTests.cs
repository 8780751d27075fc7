using System.Xml.Linq;
using Passerelle.ActiveSync.Tests.Wbxml;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>The dialect table, checked tag by tag against the installed libwbxml.</summary>
public sealed class LibwbxmlDialectTests
{
    public static TheoryData<byte> Pages => new(Enumerable.Range(0, WbxmlCodePages.PageCount).Select(p => (byte)p));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryTagOfThePage_DecodedByLibwbxml_HasTheDialectsNameNamespaceAndValue(byte page)
    {
        var tags = WbxmlCodePages.AllTags.Where(t => t.Page == page).ToList();
        var bytes = WbxmlWriterTests.Write(w =>
        {
            w.WriteStartElement(tags[0]);
            foreach (var tag in tags)
            {
                w.WriteElement(tag, "1");
            }

            w.WriteEndElement();
        });

        var root = XElement.Parse(await Libwbxml.WbxmlToXmlAsync(bytes));

        var rootKnown = !LibwbxmlDialect.IsMissing(tags[0]);
        var children = root.Elements().ToList();
        Assert.Equal(tags.Count, children.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var child = children[i];
            if (LibwbxmlDialect.IsMissing(tag))
            {
                Assert.Equal("unknown", child.Name.LocalName);
                continue;
            }

            Assert.Equal(LibwbxmlDialect.NameOf(tag), child.Name.LocalName);
            if (rootKnown)
            {
                Assert.Equal(LibwbxmlDialect.NamespaceOf(page), child.Name.NamespaceName);
            }

            // libwbxml shows a binary tag's content as base64, whatever the token: "1" is MQ==.
            Assert.Equal(LibwbxmlDialect.IsBinary(tag) ? "MQ==" : "1", child.Value);
        }
    }
}
