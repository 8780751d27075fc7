using System.Text;
using MimeKit;
using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using static Passerelle.ActiveSync.Tests.Conversion.EmailWbxml;

namespace Passerelle.ActiveSync.Tests.Conversion;

public sealed class AttachmentTests
{
    private static async Task<List<WbxmlElement>> ListedAsync(byte[] mime, EmailOptions? options = null) =>
        (await ApplicationDataAsync(mime, options ?? Options(ProtocolVersion.V141, new BodyPreference(2))))
            .Element(AirSyncBase.Attachments)?.Elements(AirSyncBase.Attachment).ToList() ?? [];

    [Fact]
    public async Task Attachments_MixedMessage_AreNumberedInDocumentOrderAndEmptyOnesSkipped()
    {
        var listed = await ListedAsync(TestMessages.WithAttachments());

        Assert.Equal(["chart.png", "report.pdf", "Original figures.eml", "data.csv"], listed.Select(a => a.Value(AirSyncBase.DisplayName)));
        Assert.Equal(["5:42:0", "5:42:1", "5:42:2", "5:42:4"], listed.Select(a => a.Value(AirSyncBase.FileReference)));
        Assert.Equal(["1", "1", "5", "1"], listed.Select(a => a.Value(AirSyncBase.Method)));
    }

    [Fact]
    public async Task Attachments_InlineImage_HasContentIdAndIsInline()
    {
        var chart = (await ListedAsync(TestMessages.WithAttachments()))[0];

        Assert.Equal("chart@example.org", chart.Value(AirSyncBase.ContentId));
        Assert.Equal("1", chart.Value(AirSyncBase.IsInline));
        Assert.Equal("70", chart.Value(AirSyncBase.EstimatedDataSize));
    }

    [Fact]
    public async Task Attachments_AttachmentWithContentId_IsListedAsAPlainAttachment()
    {
        var csv = (await ListedAsync(TestMessages.WithAttachments()))[3];

        Assert.Null(csv.Element(AirSyncBase.ContentId));
        Assert.Null(csv.Element(AirSyncBase.IsInline));
    }

    [Fact]
    public async Task Attachments_EmbeddedMessage_EstimatedSizeIsItsStoredBytes()
    {
        var embedded = (await ListedAsync(TestMessages.WithAttachments()))[2];

        // The CRLF before the next boundary belongs to the boundary (RFC 2046 5.1.1).
        var expected = TestMessages.Raw("From: carol@example.com\nTo: alice@example.org\nSubject: Original figures\nContent-Type: text/plain\n\nThe figures.").Length;
        Assert.Equal(expected.ToString(), embedded.Value(AirSyncBase.EstimatedDataSize));
    }

    [Fact]
    public async Task Attachments_NoAttachmentsPolicy_ListsNone()
    {
        var listed = await ListedAsync(TestMessages.WithAttachments(), Options(ProtocolVersion.V141) with { NoAttachments = true });

        Assert.Empty(listed);
    }

    [Fact]
    public async Task Attachments_MaxAttachmentSizePolicy_ListsOnlySmallerOnes()
    {
        var listed = await ListedAsync(TestMessages.WithAttachments(), Options(ProtocolVersion.V141) with { MaxAttachmentSize = 70 });

        Assert.Equal(["5:42:0", "5:42:4"], listed.Select(a => a.Value(AirSyncBase.FileReference)));
    }

    [Fact]
    public async Task Attachments_Version120_AreListedInAirSyncBase()
    {
        var listed = await ListedAsync(TestMessages.WithAttachments(), Options(ProtocolVersion.V120));

        Assert.Equal(4, listed.Count);
    }

    [Fact]
    public async Task Locator_FileReferenceNumber_OpensTheDecodedContent()
    {
        using var mime = new MemoryStream(TestMessages.WithAttachments());

        await using var pdf = await AttachmentLocator.OpenAsync(mime, 1, CancellationToken.None);

        var expected = Convert.FromBase64String("JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK");
        Assert.NotNull(pdf);
        Assert.Equal("report.pdf", pdf.Name);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(expected.Length, pdf.Length);
        Assert.Equal(expected, await ReadAllAsync(pdf.Content));
    }

    [Fact]
    public async Task Locator_EmbeddedMessage_IsItsStoredBytes()
    {
        using var mime = new MemoryStream(TestMessages.WithAttachments());

        await using var embedded = await AttachmentLocator.OpenAsync(mime, 2, CancellationToken.None);

        var bytes = await ReadAllAsync(embedded!.Content);
        Assert.Equal("message/rfc822", embedded.ContentType);
        Assert.Equal(bytes.Length, embedded.Length);
        Assert.Equal("Original figures", MimeMessage.Load(new MemoryStream(bytes)).Subject);
        Assert.StartsWith("From: carol@example.com", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locator_UnencodedPart_LengthIsExact()
    {
        using var mime = new MemoryStream(TestMessages.WithAttachments());

        await using var csv = await AttachmentLocator.OpenAsync(mime, 4, CancellationToken.None);

        Assert.Equal("a,b\r\n1,2", Encoding.ASCII.GetString(await ReadAllAsync(csv!.Content)));
        Assert.Equal(8, csv.Length);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public async Task Locator_NumberWithoutAttachment_ReturnsNull(int index)
    {
        using var mime = new MemoryStream(TestMessages.WithAttachments());

        Assert.Null(await AttachmentLocator.OpenAsync(mime, index, CancellationToken.None));
    }

    [Fact]
    public async Task Locator_StreamThatCannotSeek_IsCopiedFirst()
    {
        using var mime = new ForwardOnlyStream(TestMessages.WithAttachments());

        await using var chart = await AttachmentLocator.OpenAsync(mime, 0, CancellationToken.None);

        Assert.Equal(70, (await ReadAllAsync(chart!.Content)).Length);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A network-like stream: read forward only.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
