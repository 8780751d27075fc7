using System.Text;
using MimeKit;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Compose;

/// <summary>SendMail, SmartReply and SmartForward over real HTTP, in the 14.0+ ComposeMail form and the 12.x MIME form.</summary>
public sealed class SendingTests
{
    private const string MimeBody = "<MIMESupport>2</MIMESupport><airsyncbase:BodyPreference><airsyncbase:Type>4</airsyncbase:Type></airsyncbase:BodyPreference>";
    private const string PlainBody = "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type></airsyncbase:BodyPreference>";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendMail_WakesTheRecipientsPing_ReachesHisInbox_AndAliceKeepsACopyInSent()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var alice = await PhoneAsync(server, ActiveSyncHost.Alice, "ALICEPHONE");
        using var bob = await PhoneAsync(server, ActiveSyncHost.Bob, "BOBPHONE");
        var bobInbox = bob.FolderOfType(2);
        await bob.SyncAllAsync(bobInbox, PlainBody);
        var aliceSent = alice.FolderOfType(5);
        await alice.SyncAllAsync(aliceSent, PlainBody);

        var ping = bob.Client.SendAsync("Ping", $"""<Ping xmlns="Ping:"><HeartbeatInterval>300</HeartbeatInterval><Folders><Folder><Id>{bobInbox}</Id><Class>Email</Class></Folder></Folders></Ping>""");
        var sent = await alice.Client.SendAsync("SendMail", SendMailXml("c-1", Mime("Lunch?", "Shall we have lunch at noon?")));
        var woken = await ping.WaitAsync(Deadline);

        Assert.Equal(200, (int)sent.Status);
        Assert.Empty(sent.Body); // MS-ASCMD 2.2.1.16: success is an empty answer
        Assert.Equal("2", woken.Value("Status"));
        Assert.Equal([bobInbox], woken.All("Folder").Select(f => f.Value));
        var received = EasPhone.Commands(await bob.SyncAsync(bobInbox, options: PlainBody), "Add").Single();
        Assert.Equal("Lunch?", EasPhone.Child(received, "Subject"));
        Assert.Contains("Shall we have lunch at noon?", EasPhone.Child(received, "Data"), StringComparison.Ordinal);
        Assert.Contains(ActiveSyncHost.Alice, EasPhone.Child(received, "From"), StringComparison.Ordinal);
        var copy = EasPhone.Commands(await alice.SyncAsync(aliceSent, options: PlainBody), "Add").Single();
        Assert.Equal("Lunch?", EasPhone.Child(copy, "Subject"));
        Assert.Equal("1", EasPhone.Child(copy, "Read"));
    }

    [Fact]
    public async Task SendMail_RepeatedClientId_IsSentOnce()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var alice = await PhoneAsync(server, ActiveSyncHost.Alice, "ALICEPHONE");
        using var bob = await PhoneAsync(server, ActiveSyncHost.Bob, "BOBPHONE");

        var first = await alice.Client.SendAsync("SendMail", SendMailXml("same-id", Mime("Once", "Only once.")));
        var again = await alice.Client.SendAsync("SendMail", SendMailXml("same-id", Mime("Once", "Only once.")));
        var other = await alice.Client.SendAsync("SendMail", SendMailXml("other-id", Mime("Twice", "Another one.")));

        Assert.All([first, again, other], answer => Assert.Empty(answer.Body));
        var subjects = (await bob.SyncAllAsync(bob.FolderOfType(2), PlainBody)).Select(a => EasPhone.Child(a, "Subject")).ToList();
        Assert.Equal(["Once", "Twice"], subjects.Order());
    }

    [Fact]
    public async Task SendMail_In121_TakesRawMimeAndSaveInSentFromTheQuery()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var alice = await PhoneAsync(server, ActiveSyncHost.Alice, "ALICEOLD", "12.1");
        using var bob = await PhoneAsync(server, ActiveSyncHost.Bob, "BOBPHONE");
        var aliceSent = alice.FolderOfType(5);
        await alice.SyncAllAsync(aliceSent, PlainBody);

        var sent = await alice.Client.SendBytesAsync("SendMail", Mime("Old phone", "From an old phone."), "message/rfc822", new Dictionary<string, string> { ["SaveInSent"] = "T" });

        Assert.Equal(200, (int)sent.Status);
        Assert.Equal(["Old phone"], (await bob.SyncAllAsync(bob.FolderOfType(2), PlainBody)).Select(a => EasPhone.Child(a, "Subject")));
        Assert.Equal(["Old phone"], EasPhone.Commands(await alice.SyncAsync(aliceSent, options: PlainBody), "Add").Select(a => EasPhone.Child(a, "Subject")));
    }

    [Fact]
    public async Task SmartReply_QuotesTheOriginal_ThreadsIt_AndMarksItReplied()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1, body: "Can you review the draft?")]);
        using var bob = await PhoneAsync(server, ActiveSyncHost.Bob, "BOBPHONE");
        using var alice = await PhoneAsync(server, ActiveSyncHost.Alice, "ALICEPHONE");
        var inbox = bob.FolderOfType(2);
        var original = EasPhone.Child((await bob.SyncAllAsync(inbox, PlainBody)).Single(), "ServerId")!;

        var answer = await bob.Client.SendAsync("SmartReply", ComposeXml("SmartReply", "r-1", inbox, original, Mime("Re: Message 1", "Yes, tonight.", from: ActiveSyncHost.Bob, to: ActiveSyncHost.Alice)));

        Assert.Empty(answer.Body);
        var reply = await ReceivedMimeAsync(alice);
        Assert.Equal("Re: Message 1", reply.Subject);
        Assert.Single(reply.Headers, h => h.Id == HeaderId.Subject);
        Assert.Equal("<m1@example.test>", "<" + reply.InReplyTo + ">");
        Assert.Contains("m1@example.test", reply.References);
        Assert.StartsWith("Yes, tonight.", reply.TextBody!.Trim(), StringComparison.Ordinal);
        Assert.Contains("> Can you review the draft?", reply.TextBody, StringComparison.Ordinal);
        var change = EasPhone.Commands(await bob.SyncAsync(inbox, options: PlainBody), "Change").Single();
        Assert.Equal("1", EasPhone.Child(change, "LastVerbExecuted")); // reply to sender
    }

    [Fact]
    public async Task SmartForward_CarriesTheOriginalsAttachments_AndMarksItForwarded()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var pdf = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.WithAttachment("Report", "report.pdf", Convert.ToBase64String(pdf))]);
        using var bob = await PhoneAsync(server, ActiveSyncHost.Bob, "BOBPHONE");
        using var alice = await PhoneAsync(server, ActiveSyncHost.Alice, "ALICEPHONE");
        var inbox = bob.FolderOfType(2);
        var original = EasPhone.Child((await bob.SyncAllAsync(inbox, PlainBody)).Single(), "ServerId")!;

        var answer = await bob.Client.SendAsync("SmartForward", ComposeXml("SmartForward", "f-1", inbox, original, Mime("Fwd: Report", "For you.", from: ActiveSyncHost.Bob, to: ActiveSyncHost.Alice)));

        Assert.Empty(answer.Body);
        var forward = await ReceivedMimeAsync(alice);
        Assert.Equal("Fwd: Report", forward.Subject);
        Assert.Equal(ActiveSyncHost.Bob, forward.From.Mailboxes.Single().Address);
        Assert.Contains("See the file.", forward.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(forward.Attachments.Single());
        Assert.Equal("report.pdf", attachment.FileName);
        using var decoded = new MemoryStream();
        await attachment.Content!.DecodeToAsync(decoded);
        Assert.Equal(pdf, decoded.ToArray());
        var change = EasPhone.Commands(await bob.SyncAsync(inbox, options: PlainBody), "Change").Single();
        Assert.Equal("3", EasPhone.Child(change, "LastVerbExecuted")); // forward
    }

    [Fact]
    public async Task SmartReply_ToAMissingItem_AnswersStatus150()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var bob = await PhoneAsync(server, ActiveSyncHost.Bob, "BOBPHONE");
        var inbox = bob.FolderOfType(2);

        var answer = await bob.Client.SendAsync("SmartReply", ComposeXml("SmartReply", "r-2", inbox, $"{inbox}:424242", Mime("Re: nothing", "Hm.", from: ActiveSyncHost.Bob, to: ActiveSyncHost.Alice)));

        Assert.Equal("150", answer.Value("Status"));
    }

    [Fact]
    public async Task SendMail_WithoutMime_AnswersStatus107_AndTooLarge115()
    {
        await using var server = await ActiveSyncHost.StartAsync(new() { ["Plugins:Store.Sqlite:MaxMessageSize"] = "4096" });
        using var alice = await PhoneAsync(server, ActiveSyncHost.Alice, "ALICEPHONE");

        var empty = await alice.Client.SendAsync("SendMail", """<SendMail xmlns="ComposeMail:"><ClientId>e-1</ClientId><Mime></Mime></SendMail>""");
        var large = await alice.Client.SendAsync("SendMail", SendMailXml("big-1", Mime("Big", new string('x', 10_000))));
        var noRecipient = await alice.Client.SendAsync("SendMail", SendMailXml("n-1", Encoding.UTF8.GetBytes("Subject: nobody\r\n\r\nHello\r\n")));

        Assert.Equal("107", empty.Value("Status"));
        Assert.Equal("115", large.Value("Status"));
        Assert.Equal("119", noRecipient.Value("Status"));
    }

    private static async Task<EasPhone> PhoneAsync(PasserelleServer server, string user, string deviceId, string version = "16.1")
    {
        var phone = new EasPhone(server, user, ActiveSyncHost.Password, deviceId, version: version);
        await phone.SetupAsync();
        return phone;
    }

    private static async Task<MimeMessage> ReceivedMimeAsync(EasPhone phone)
    {
        var add = (await phone.SyncAllAsync(phone.FolderOfType(2), MimeBody)).Single();
        using var mime = new MemoryStream(Encoding.UTF8.GetBytes(EasPhone.Child(add, "Data")!));
        return await MimeMessage.LoadAsync(mime);
    }

    private static byte[] Mime(string subject, string text, string from = ActiveSyncHost.Alice, string to = ActiveSyncHost.Bob) => Encoding.UTF8.GetBytes(
        $"From: <{from}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n");

    private static string SendMailXml(string clientId, byte[] mime) => $"""
        <SendMail xmlns="ComposeMail:"><ClientId>{clientId}</ClientId><SaveInSentItems/><Mime opaque="base64">{Convert.ToBase64String(mime)}</Mime></SendMail>
        """;

    private static string ComposeXml(string command, string clientId, string folderId, string itemId, byte[] mime) => $"""
        <{command} xmlns="ComposeMail:"><ClientId>{clientId}</ClientId><SaveInSentItems/>
          <Source><FolderId>{folderId}</FolderId><ItemId>{itemId}</ItemId></Source>
          <Mime opaque="base64">{Convert.ToBase64String(mime)}</Mime>
        </{command}>
        """;
}
