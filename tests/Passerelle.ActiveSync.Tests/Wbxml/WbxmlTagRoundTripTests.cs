using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlTagRoundTripTests
{
    public static TheoryData<byte> Pages => new(Enumerable.Range(0, WbxmlCodePages.PageCount).Select(p => (byte)p));

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryTagOfThePage_WrittenWithTextEmptyAndOpaque_ReadsBackTheSame(byte page)
    {
        var tags = WbxmlCodePages.AllTags.Where(t => t.Page == page).ToList();
        var root = tags[0];

        // Another page's tag between each pair forces a page switch before every tag.
        var other = new WbxmlTag((byte)((page + 1) % WbxmlCodePages.PageCount), 0x05);
        var bytes = WbxmlWriterTests.Write(w =>
        {
            w.WriteStartElement(root);
            foreach (var tag in tags)
            {
                w.WriteElement(tag, tag.Name!);
                w.WriteEmptyElement(other);
                w.WriteEmptyElement(tag);
                w.WriteOpaque(tag, [page, tag.Token]);
            }

            w.WriteEndElement();
        });

        var parsed = WbxmlDocument.Parse(bytes);
        Assert.Equal(root, parsed.Tag);
        Assert.Equal(tags.Count * 4, parsed.Children.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            var text = parsed.Children[i * 4];
            Assert.Equal((tags[i], tags[i].Name), (text.Tag, text.Text));
            Assert.Equal(other, parsed.Children[(i * 4) + 1].Tag);
            var empty = parsed.Children[(i * 4) + 2];
            Assert.Equal((tags[i], null, null), (empty.Tag, empty.Text, empty.Opaque));
            var opaque = parsed.Children[(i * 4) + 3];
            Assert.Equal(tags[i], opaque.Tag);
            Assert.Equal([page, tags[i].Token], opaque.Opaque!.Value.ToArray());
        }
    }
}
