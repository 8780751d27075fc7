using System.Xml.Linq;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>
/// Every corpus document, cross-checked with libwbxml in both directions: our bytes decoded by
/// <c>wbxml2xml</c>, and <c>xml2wbxml</c>'s bytes decoded by our reader, compared as canonical XML
/// (libwbxml's naming deviations mapped by <see cref="LibwbxmlDialect"/>).
/// </summary>
public sealed class LibwbxmlCrossCheckTests
{
    public static TheoryData<string> AllFiles => CorpusFiles.Names;

    // libwbxml 0.11.8 cannot encode what it does not know (the Find page, three 16.1 tags).
    public static TheoryData<string> FilesLibwbxmlCanEncode => new(CorpusFiles.All.Where(f => !UsesTagsLibwbxmlLacks(f)));

    [Theory]
    [MemberData(nameof(AllFiles))]
    public async Task OurBytes_DecodedByLibwbxml_GiveTheSameDocument(string file)
    {
        var xml = CorpusFiles.Read(file);

        var libwbxmlXml = await Libwbxml.WbxmlToXmlAsync(WbxmlXml.FromXml(xml));

        Assert.Equal(CanonicalXml.OfOurXml(xml, asLibwbxmlSeesIt: true), CanonicalXml.OfLibwbxmlXml(libwbxmlXml));
    }

    [Theory]
    [MemberData(nameof(FilesLibwbxmlCanEncode))]
    public async Task LibwbxmlBytes_DecodedByOurReader_GiveTheSameDocumentAndOurBytes(string file)
    {
        var xml = CorpusFiles.Read(file);

        var bytes = await Libwbxml.XmlToWbxmlAsync(Libwbxml.ToDialect(xml));

        Assert.Equal(CanonicalXml.OfOurXml(xml), CanonicalXml.OfOurXml(WbxmlXml.ToXml(bytes)));
        Assert.Equal(Convert.ToHexString(WbxmlXml.FromXml(xml)), Convert.ToHexString(bytes));
    }

    [Theory]
    [MemberData(nameof(FilesLibwbxmlCanEncode))]
    public async Task LibwbxmlBytesWithStringTable_DecodedByOurReader_GiveTheSameDocument(string file)
    {
        var xml = CorpusFiles.Read(file);

        var bytes = await Libwbxml.XmlToWbxmlAsync(Libwbxml.ToDialect(xml), withStringTable: true);

        Assert.NotEqual(0x01, bytes[1]);
        Assert.Equal(CanonicalXml.OfOurXml(xml), CanonicalXml.OfOurXml(WbxmlXml.ToXml(bytes)));
    }

    [Fact]
    public void FilesLibwbxmlCannotEncode_AreOnlyThoseWithFindOr161Tags()
    {
        var excluded = CorpusFiles.All.Where(UsesTagsLibwbxmlLacks).ToList();

        Assert.Equal(
            ["outlook-16.1/find-gal.request.xml", "outlook-16.1/find-gal.response.xml", "outlook-16.1/find-mailbox.request.xml",
             "outlook-16.1/find-mailbox.response.xml", "outlook-16.1/meetingresponse-propose.request.xml"],
            excluded);
    }

    private static bool UsesTagsLibwbxmlLacks(string file) =>
        XElement.Parse(CorpusFiles.Read(file)).DescendantsAndSelf().Any(e =>
            WbxmlCodePages.TryGetTag(e.Name.NamespaceName, e.Name.LocalName, out var tag) && LibwbxmlDialect.IsMissing(tag));
}
