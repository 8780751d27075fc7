using System.Buffers.Binary;
using System.Xml.Linq;
using MimeKit;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Fetching;

/// <summary>ItemOperations over real HTTP: attachments inline, multipart and by range, whole items, MIME, EmptyFolderContents.</summary>
public sealed class ItemOperationsTests
{
    private const string PlainBody = "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:TruncationSize>200000</airsyncbase:TruncationSize></airsyncbase:BodyPreference>";
    private static readonly byte[] Pdf = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7 % 251)).ToArray();

    [Fact]
    public async Task FetchByFileReference_SendsTheAttachmentAsBase64Data()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;

        var answer = await phone.Client.SendAsync("ItemOperations", FetchAttachment(reference));

        Assert.Equal("1", answer.Xml.Root!.Element(Io("Status"))!.Value);
        var fetch = answer.All("Fetch").Single();
        Assert.Equal("1", EasPhone.Child(fetch, "Status"));
        Assert.Equal(reference, EasPhone.Child(fetch, "FileReference"));
        Assert.Equal("application/pdf", EasPhone.Child(fetch, "ContentType"));
        Assert.Equal(Pdf, Convert.FromBase64String(EasPhone.Child(fetch, "Data")!));
    }

    [Fact]
    public async Task FetchByFileReference_Multipart_PutsTheContentInPartOne()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;

        var answer = await phone.Client.SendAsync("ItemOperations", FetchAttachment(reference), headers: new Dictionary<string, string> { ["MS-ASAcceptMultiPart"] = "T" });

        Assert.Equal("application/vnd.ms-sync.multipart", answer.ContentType);
        var parts = ReadParts(answer.Body);
        Assert.Equal(2, parts.Count);
        var document = new EasAnswer(answer.Status, answer.Headers, parts[0]);
        Assert.Equal("1", document.All("Fetch").Single().Element(Io("Status"))!.Value);
        Assert.Equal("1", document.Value("Part"));
        Assert.Empty(document.All("Data"));
        Assert.Equal(Pdf, parts[1]);
    }

    [Fact]
    public async Task FetchByFileReference_WithRange_SendsThatSliceWithTheTotal()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;

        var slice = await phone.Client.SendAsync("ItemOperations", FetchAttachment(reference, "<Range>1000-1999</Range>"));
        var tail = await phone.Client.SendAsync("ItemOperations", FetchAttachment(reference, "<Range>69990-99999</Range>"));
        var past = await phone.Client.SendAsync("ItemOperations", FetchAttachment(reference, "<Range>80000-80010</Range>"));

        var fetch = slice.All("Fetch").Single();
        Assert.Equal("1000-1999", EasPhone.Child(fetch, "Range"));
        Assert.Equal("70000", EasPhone.Child(fetch, "Total"));
        Assert.Equal(Pdf[1000..2000], Convert.FromBase64String(EasPhone.Child(fetch, "Data")!));
        Assert.Equal("69990-69999", tail.Value("Range"));
        Assert.Equal(Pdf[69990..], Convert.FromBase64String(tail.Value("Data")!));
        Assert.Equal("8", past.All("Fetch").Single().Element(Io("Status"))!.Value);
    }

    [Fact]
    public async Task FetchByFileReference_UrlEncoded_IsUnderstood()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;

        var answer = await phone.Client.SendAsync("ItemOperations", FetchAttachment(Uri.EscapeDataString(reference)));

        Assert.Equal(Pdf, Convert.FromBase64String(answer.Value("Data")!));
    }

    [Fact]
    public async Task FetchByServerId_WithMimeSupport_SendsTheWholeMessage()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;
        var serverId = reference[..reference.LastIndexOf(':')];
        var inbox = phone.FolderOfType(2);

        var answer = await phone.Client.SendAsync("ItemOperations", $"""
            <ItemOperations xmlns="ItemOperations:" xmlns:airsync="AirSync:" xmlns:airsyncbase="AirSyncBase:">
              <Fetch><Store>Mailbox</Store><airsync:CollectionId>{inbox}</airsync:CollectionId><airsync:ServerId>{serverId}</airsync:ServerId>
                <Options><airsync:MIMESupport>2</airsync:MIMESupport><airsyncbase:BodyPreference><airsyncbase:Type>4</airsyncbase:Type></airsyncbase:BodyPreference></Options>
              </Fetch>
            </ItemOperations>
            """);

        var fetch = answer.All("Fetch").Single();
        Assert.Equal("1", EasPhone.Child(fetch, "Status"));
        Assert.Equal(inbox, EasPhone.Child(fetch, "CollectionId"));
        Assert.Equal(serverId, EasPhone.Child(fetch, "ServerId"));
        Assert.Equal("Email", EasPhone.Child(fetch, "Class"));
        Assert.Equal("4", EasPhone.Child(fetch, "Type"));
        using var mime = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(EasPhone.Child(fetch, "Data")!));
        var message = await MimeMessage.LoadAsync(mime);
        Assert.Equal("Quarterly report", message.Subject);
        Assert.Equal(Pdf, Decoded(message.Attachments.OfType<MimePart>().Single()));
    }

    [Fact]
    public async Task FetchByServerId_WithPlainText_SendsTheEmailProperties()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;
        var serverId = reference[..reference.LastIndexOf(':')];

        var answer = await phone.Client.SendAsync("ItemOperations", $"""
            <ItemOperations xmlns="ItemOperations:" xmlns:airsync="AirSync:" xmlns:airsyncbase="AirSyncBase:">
              <Fetch><Store>Mailbox</Store><airsync:CollectionId>{phone.FolderOfType(2)}</airsync:CollectionId><airsync:ServerId>{serverId}</airsync:ServerId>
                <Options>{PlainBody}</Options>
              </Fetch>
            </ItemOperations>
            """);

        var properties = answer.All("Properties").Single();
        Assert.Equal("Quarterly report", EasPhone.Child(properties, "Subject"));
        Assert.Equal("See the file.", EasPhone.Child(properties, "Data")!.Trim());
        Assert.Equal(reference, EasPhone.Child(properties, "FileReference"));
    }

    [Fact]
    public async Task Fetch_OfWhatIsNotThere_GetsPerItemStatuses()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server);
        using var _ = phone;
        var inbox = phone.FolderOfType(2);

        var answer = await phone.Client.SendAsync("ItemOperations", $"""
            <ItemOperations xmlns="ItemOperations:" xmlns:airsync="AirSync:" xmlns:airsyncbase="AirSyncBase:">
              <Fetch><Store>Mailbox</Store><airsync:CollectionId>{inbox}</airsync:CollectionId><airsync:ServerId>{inbox}:999999</airsync:ServerId></Fetch>
              <Fetch><Store>Mailbox</Store><airsyncbase:FileReference>{reference[..reference.LastIndexOf(':')]}:7</airsyncbase:FileReference></Fetch>
              <Fetch><Store>Mailbox</Store><airsyncbase:FileReference>nonsense</airsyncbase:FileReference></Fetch>
              <Fetch><Store>DocumentLibrary</Store><airsyncbase:FileReference>{reference}</airsyncbase:FileReference></Fetch>
              <Fetch><Store>Mailbox</Store><airsyncbase:FileReference>{reference}</airsyncbase:FileReference><Options><Range>9-3</Range></Options></Fetch>
            </ItemOperations>
            """);

        Assert.Equal(200, (int)answer.Status);
        Assert.Equal(["6", "15", "15", "9", "8"], answer.All("Fetch").Select(f => f.Element(Io("Status"))!.Value));
    }

    [Fact]
    public async Task ItemOperations_WithAnotherRoot_IsAProtocolError()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IPHONE1");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("ItemOperations", """<Ping xmlns="Ping:"><HeartbeatInterval>60</HeartbeatInterval></Ping>""");

        Assert.Equal(200, (int)answer.Status);
        Assert.Equal("2", answer.Value("Status"));
    }

    [Fact]
    public async Task GetAttachment_In121_AnswersTheBytesWithTheirType()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var (phone, reference) = await PhoneWithAttachmentAsync(server, "12.1");
        using var _ = phone;

        var answer = await phone.Client.SendBytesAsync("GetAttachment", null, "message/rfc822", new Dictionary<string, string> { ["AttachmentName"] = reference });
        var missing = await phone.Client.SendBytesAsync("GetAttachment", null, "message/rfc822", new Dictionary<string, string> { ["AttachmentName"] = reference + "9" });

        Assert.Equal(200, (int)answer.Status);
        Assert.Equal("application/pdf", answer.ContentType);
        Assert.Equal(Pdf, answer.Body);
        Assert.Equal(404, (int)missing.Status);
    }

    [Fact]
    public async Task EmptyFolderContents_EmptiesTrash_AndOtherDevicesGetTheDeletes()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, Enumerable.Range(1, 3).Select(n => Messages.Plain(n)), folder: "Trash");
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IPHONE1");
        using var tablet = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IPAD1");
        await phone.SetupAsync();
        await tablet.SetupAsync();
        var trash = phone.FolderOfType(4);
        Assert.Equal(3, (await phone.SyncAllAsync(trash, PlainBody)).Count);
        Assert.Equal(3, (await tablet.SyncAllAsync(tablet.FolderOfType(4), PlainBody)).Count);

        var answer = await phone.Client.SendAsync("ItemOperations", $"""
            <ItemOperations xmlns="ItemOperations:" xmlns:airsync="AirSync:">
              <EmptyFolderContents><airsync:CollectionId>{trash}</airsync:CollectionId></EmptyFolderContents>
            </ItemOperations>
            """);

        var emptied = answer.All("EmptyFolderContents").Single();
        Assert.Equal("1", EasPhone.Child(emptied, "Status"));
        Assert.Equal(trash, EasPhone.Child(emptied, "CollectionId"));
        Assert.Empty(EasPhone.Commands(await phone.SyncAsync(trash, options: PlainBody), "Delete"));
        Assert.Equal(3, EasPhone.Commands(await tablet.SyncAsync(tablet.FolderOfType(4), options: PlainBody), "Delete").Count());
    }

    [Fact]
    public async Task EmptyFolderContents_OfAnUnknownFolder_IsNotFound()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IPHONE1");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("ItemOperations", """
            <ItemOperations xmlns="ItemOperations:" xmlns:airsync="AirSync:">
              <EmptyFolderContents><airsync:CollectionId>nope</airsync:CollectionId></EmptyFolderContents>
            </ItemOperations>
            """);

        Assert.Equal("6", answer.All("EmptyFolderContents").Single().Element(Io("Status"))!.Value);
    }

    private static async Task<(EasPhone Phone, string FileReference)> PhoneWithAttachmentAsync(PasserelleServer server, string version = "16.1")
    {
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.WithAttachment("Quarterly report", "report.pdf", Convert.ToBase64String(Pdf, Base64FormattingOptions.InsertLineBreaks))]);
        var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IPHONE1", version: version);
        await phone.SetupAsync();
        var add = (await phone.SyncAllAsync(phone.FolderOfType(2), PlainBody)).Single();
        return (phone, EasPhone.Child(add, "FileReference")!);
    }

    private static string FetchAttachment(string reference, string options = "") => $"""
        <ItemOperations xmlns="ItemOperations:" xmlns:airsyncbase="AirSyncBase:">
          <Fetch><Store>Mailbox</Store><airsyncbase:FileReference>{reference}</airsyncbase:FileReference>{(options.Length > 0 ? $"<Options>{options}</Options>" : "")}</Fetch>
        </ItemOperations>
        """;

    private static XName Io(string name) => XName.Get(name, "ItemOperations:");

    private static List<byte[]> ReadParts(byte[] body)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(body);
        return Enumerable.Range(0, count).Select(i =>
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4 + (8 * i)));
            var length = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(8 + (8 * i)));
            return body[offset..(offset + length)];
        }).ToList();
    }

    private static byte[] Decoded(MimePart part)
    {
        using var output = new MemoryStream();
        part.Content!.DecodeTo(output);
        return output.ToArray();
    }
}
