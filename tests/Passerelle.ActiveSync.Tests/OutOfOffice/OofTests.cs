using System.Net;
using System.Text;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.OutOfOffice;

/// <summary>Settings Oof over HTTP: the settings round trip, and local delivery answering with them.</summary>
public sealed class OofTests
{
    private const string Start = "2026-12-20T08:00:00.000Z";
    private const string End = "2027-01-04T08:00:00.000Z";

    [Fact]
    public async Task Oof_SetThenGet_RoundTripsTheStatePeriodAndEachAudience()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF1");
        await phone.SetupAsync();

        var set = await SetAsync(phone, $"""
            <OofState>2</OofState><StartTime>{Start}</StartTime><EndTime>{End}</EndTime>
            <OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>Back on the 4th.
            Ask Alice.</ReplyMessage><BodyType>Text</BodyType></OofMessage>
            <OofMessage><AppliesToExternalKnown/><Enabled>1</Enabled><ReplyMessage>&lt;p&gt;Away &lt;b&gt;until January&lt;/b&gt;&lt;/p&gt;</ReplyMessage><BodyType>HTML</BodyType></OofMessage>
            <OofMessage><AppliesToExternalUnknown/><Enabled>0</Enabled></OofMessage>
            """);
        var text = await GetAsync(phone, "Text");
        var html = await GetAsync(phone, "HTML");

        Assert.Equal(["1", "1"], set.All("Status").Select(s => s.Value).ToList());
        Assert.Equal("2", text.Value("OofState"));
        Assert.Equal(Start, text.Value("StartTime"));
        Assert.Equal(End, text.Value("EndTime"));
        var messages = text.All("OofMessage").ToList();
        Assert.Equal(["AppliesToInternal", "AppliesToExternalKnown", "AppliesToExternalUnknown"], messages.Select(m => m.Elements().First().Name.LocalName).ToList());
        Assert.Equal(["1", "1", "0"], messages.Select(m => EasPhone.Child(m, "Enabled")).ToList());
        Assert.Equal("Back on the 4th.\nAsk Alice.", EasPhone.Child(messages[0], "ReplyMessage")!.ReplaceLineEndings("\n"));
        Assert.Equal("Away until January", EasPhone.Child(messages[1], "ReplyMessage")!.Trim());
        Assert.Equal("Text", EasPhone.Child(messages[1], "BodyType"));
        Assert.Null(EasPhone.Child(messages[2], "ReplyMessage"));
        var htmlMessages = html.All("OofMessage").ToList();
        Assert.Equal("<p>Away <b>until January</b></p>", EasPhone.Child(htmlMessages[1], "ReplyMessage"));
        Assert.Contains("Back on the 4th.<br", EasPhone.Child(htmlMessages[0], "ReplyMessage"), StringComparison.Ordinal);
        Assert.Equal("HTML", EasPhone.Child(htmlMessages[0], "BodyType"));
    }

    [Fact]
    public async Task Oof_SetOfOneAudience_KeepsTheOthers_AndStateZeroTurnsItOff()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF2");
        await phone.SetupAsync();

        await SetAsync(phone, """
            <OofState>1</OofState>
            <OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>inside</ReplyMessage><BodyType>Text</BodyType></OofMessage>
            <OofMessage><AppliesToExternalUnknown/><Enabled>1</Enabled><ReplyMessage>outside</ReplyMessage><BodyType>Text</BodyType></OofMessage>
            """);
        await SetAsync(phone, "<OofState>1</OofState><OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>inside, again</ReplyMessage><BodyType>Text</BodyType></OofMessage>");
        var on = await GetAsync(phone, "Text");
        await SetAsync(phone, "<OofState>0</OofState>");
        var off = await GetAsync(phone, "Text");

        Assert.Equal("1", on.Value("OofState"));
        Assert.Equal(["inside, again", null, "outside"], on.All("OofMessage").Select(m => EasPhone.Child(m, "ReplyMessage")).ToList());
        Assert.Null(on.Value("StartTime"));
        Assert.Equal("0", off.Value("OofState"));
        Assert.Equal("outside", EasPhone.Child(off.All("OofMessage").Last(), "ReplyMessage"));
    }

    [Theory]
    [InlineData("<OofState>7</OofState>", "5")]
    [InlineData($"<OofState>2</OofState><StartTime>{End}</StartTime><EndTime>{Start}</EndTime>", "6")]
    [InlineData("<OofState>2</OofState>", "6")]
    [InlineData("<OofState>1</OofState><StartTime>soon</StartTime>", "5")]
    [InlineData("<OofState>1</OofState><OofMessage><Enabled>1</Enabled><ReplyMessage>whom?</ReplyMessage></OofMessage>", "2")]
    [InlineData("<OofState>1</OofState><OofMessage><AppliesToInternal/><Enabled>yes</Enabled></OofMessage>", "5")]
    [InlineData("<OofState>1</OofState><OofMessage><AppliesToInternal/><BodyType>RTF</BodyType></OofMessage>", "5")]
    public async Task Oof_InvalidSet_GetsTheOofStatus_AndChangesNothing(string content, string status)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF3");
        await phone.SetupAsync();

        var answer = await SetAsync(phone, content);
        var after = await GetAsync(phone, "Text");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["1", status], answer.All("Status").Select(s => s.Value).ToList());
        Assert.Equal("0", after.Value("OofState"));
    }

    [Fact]
    public async Task Oof_DeliveryToTheUser_SendsOneAutoReplyPerSenderAndPeriod_IntoTheSendersInbox()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF4B");
        using var alice = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "OOF4A");
        await bob.SetupAsync();
        await alice.SetupAsync();
        var aliceInbox = alice.FolderOfType(2);
        await alice.SyncAllAsync(aliceInbox);
        await SetAsync(bob, "<OofState>1</OofState><OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>Bob is away until Monday.</ReplyMessage><BodyType>Text</BodyType></OofMessage>");

        await SendAsync(alice, "Lunch?", "m1");
        await SendAsync(alice, "Lunch, really?", "m2");
        var firstPeriod = await alice.SyncAllAsync(aliceInbox);
        await SetAsync(bob, "<OofState>1</OofState>"); // a new period: alice is answered once more
        await SendAsync(alice, "Still away?", "m3");
        var secondPeriod = await alice.SyncAllAsync(aliceInbox);

        var reply = Assert.Single(firstPeriod);
        Assert.Equal("Automatic reply: Lunch?", EasPhone.Child(reply, "Subject"));
        Assert.Contains("bob@example.test", EasPhone.Child(reply, "From"), StringComparison.Ordinal);
        Assert.Equal("Automatic reply: Still away?", EasPhone.Child(Assert.Single(secondPeriod), "Subject"));
        var bobInbox = await bob.SyncAllAsync(bob.FolderOfType(2));
        Assert.Equal(3, bobInbox.Count);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-generated\r\n")]
    [InlineData("Precedence: bulk\r\n")]
    [InlineData("List-Id: <team.example.test>\r\n")]
    public async Task Oof_AutomaticOrListMail_GetsNoAutoReply(string header)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF5B");
        using var alice = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "OOF5A");
        await bob.SetupAsync();
        await alice.SetupAsync();
        var aliceInbox = alice.FolderOfType(2);
        await alice.SyncAllAsync(aliceInbox);
        await SetAsync(bob, "<OofState>1</OofState><OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>away</ReplyMessage><BodyType>Text</BodyType></OofMessage>");

        await SendAsync(alice, "Build failed", "m1", header);
        await SendAsync(alice, "Plain question", "m2");

        Assert.Equal(["Automatic reply: Plain question"], (await alice.SyncAllAsync(aliceInbox)).Select(add => EasPhone.Child(add, "Subject")).ToList());
    }

    [Fact]
    public async Task Oof_ScheduledPeriodOver_OrAudienceDisabled_GetsNoAutoReply()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF6B");
        using var alice = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "OOF6A");
        await bob.SetupAsync();
        await alice.SetupAsync();
        var aliceInbox = alice.FolderOfType(2);
        await alice.SyncAllAsync(aliceInbox);

        await SetAsync(bob, "<OofState>2</OofState><StartTime>2001-01-01T00:00:00.000Z</StartTime><EndTime>2001-02-01T00:00:00.000Z</EndTime><OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>away</ReplyMessage><BodyType>Text</BodyType></OofMessage>");
        await SendAsync(alice, "In the past", "m1");
        await SetAsync(bob, "<OofState>1</OofState><OofMessage><AppliesToInternal/><Enabled>0</Enabled></OofMessage><OofMessage><AppliesToExternalUnknown/><Enabled>1</Enabled><ReplyMessage>outside only</ReplyMessage><BodyType>Text</BodyType></OofMessage>");
        await SendAsync(alice, "Internal audience off", "m2");

        Assert.Empty(await alice.SyncAllAsync(aliceInbox));
    }

    [Fact]
    public async Task Oof_StoreWithoutOutOfOfficeSettings_IsDeniedByPolicy_AndTheOtherPartsStillAnswer()
    {
        await using var server = await FixtureStoreHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "OOF7");
        await client.ProvisionAsync();

        var answer = await client.SendAsync("Settings", """
            <Settings xmlns="Settings:"><Oof><Get><BodyType>Text</BodyType></Get></Oof><UserInformation><Get/></UserInformation></Settings>
            """);

        Assert.Equal(["1", "7", "1"], answer.All("Status").Select(s => s.Value).ToList());
        Assert.Equal(ActiveSyncHost.Bob, answer.Value("PrimarySmtpAddress"));
    }

    private static Task<EasAnswer> SetAsync(EasPhone phone, string content) =>
        phone.Client.SendAsync("Settings", $"""<Settings xmlns="Settings:"><Oof><Set>{content}</Set></Oof></Settings>""");

    private static Task<EasAnswer> GetAsync(EasPhone phone, string bodyType) =>
        phone.Client.SendAsync("Settings", $"""<Settings xmlns="Settings:"><Oof><Get><BodyType>{bodyType}</BodyType></Get></Oof></Settings>""");

    private static async Task SendAsync(EasPhone alice, string subject, string id, string extraHeaders = "")
    {
        var mime = $"From: Alice Example <alice@example.test>\r\nTo: Bob Example <bob@example.test>\r\nSubject: {subject}\r\nMessage-ID: <{id}.{Guid.NewGuid():N}@example.test>\r\n{extraHeaders}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello Bob.\r\n";
        var answer = await alice.Client.SendBytesAsync("SendMail", Encoding.UTF8.GetBytes(mime), "message/rfc822", new Dictionary<string, string> { ["SaveInSent"] = "F" });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Body);
    }
}
