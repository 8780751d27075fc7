using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Sync;

public class SyncRobustnessTests : EndToEndSuite
{
    public SyncRobustnessTests()
        : base(new MailBackend())
    {
    }

    protected SyncRobustnessTests(MailBackend backend)
        : base(backend)
    {
    }

    [Fact]
    public async Task PoisonItem_WhoseAnswerKeepsGettingLost_IsSkippedNotSentForever()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 3).Select(n => Messages.Plain(n)));
        using var phone = new EasPhone(server, Bob, Password, "POISON1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAsync(inbox);
        var stuck = phone.Keys[inbox];

        var answers = new List<EasAnswer>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await phone.SyncAsync(inbox, syncKey: stuck)); // the answer never reaches the phone: it repeats its key
        }

        Assert.Equal(3, EasPhone.Commands(answers[0], "Add").Count());
        Assert.Single(EasPhone.Commands(answers[2], "Add")); // cut to a window of one
        Assert.Equal("Message 3", EasPhone.Child(EasPhone.Commands(answers[2], "Add").Single(), "Subject"));
        Assert.Equal("Message 2", EasPhone.Child(EasPhone.Commands(answers[3], "Add").Single(), "Subject")); // the culprit is given up on
        var rest = await phone.SyncAllAsync(inbox);
        Assert.Equal(["Message 1"], rest.Select(a => EasPhone.Child(a, "Subject")));
    }

    [Fact]
    public async Task EmptySync_RepeatsTheLastFullRequest()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "EMPTY1", "iPhone", "14.1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAllAsync(inbox);
        await ImportAsync(server, Bob, [Messages.Plain(5)]);

        var empty = await phone.Client.SendBytesAsync("Sync", null, "application/vnd.ms-sync.wbxml");

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Message 5", EasPhone.Child(EasPhone.Commands(empty, "Add").Single(), "Subject"));
    }

    [Fact]
    public async Task EmptySync_WithNothingCached_GetsStatus13NotAnEmptyReply()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "EMPTY2");
        await phone.SetupAsync();

        var empty = await phone.Client.SendBytesAsync("Sync", null, "application/vnd.ms-sync.wbxml");

        Assert.Equal("13", empty.Value("Status"));
    }

    [Fact]
    public async Task PartialSync_NamesOneCollection_AndTheCachedOnesComeToo()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "PARTIAL1", "iPhone", "14.1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var sent = phone.FolderOfType(5);
        await phone.SyncAllAsync(inbox);
        await phone.SyncAllAsync(sent);
        var both = $"""
            <Sync xmlns="AirSync:"><Collections>
              <Collection><SyncKey>{phone.Keys[inbox]}</SyncKey><CollectionId>{inbox}</CollectionId></Collection>
              <Collection><SyncKey>{phone.Keys[sent]}</SyncKey><CollectionId>{sent}</CollectionId></Collection>
            </Collections></Sync>
            """;
        await phone.Client.SendAsync("Sync", both);
        await ImportAsync(server, Bob, [Messages.Plain(8)]);

        var partial = await phone.Client.SendAsync("Sync", $"""
            <Sync xmlns="AirSync:"><Collections>
              <Collection><SyncKey>{phone.Keys[sent]}</SyncKey><CollectionId>{sent}</CollectionId></Collection>
            </Collections><Partial /></Sync>
            """);

        var collections = partial.All("Collection").Select(c => EasPhone.Child(c, "CollectionId")).ToList();
        Assert.Contains(inbox, collections);
        Assert.Contains(sent, collections);
        Assert.Single(EasPhone.Commands(partial, "Add"));
    }

    [Fact]
    public async Task FilterType_SendsOnlyRecentMail_AndWideningItAddsTheRest()
    {
        await using var server = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        await ImportAsync(server, Bob, [Messages.Plain(1, date: now.AddDays(-20)), Messages.Plain(2, date: now.AddHours(-2))]);
        using var phone = new EasPhone(server, Bob, Password, "FILTER1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);

        var recent = await phone.SyncAllAsync(inbox, "<FilterType>3</FilterType>");
        var widened = await phone.SyncAllAsync(inbox, "<FilterType>0</FilterType>");
        var narrowed = await phone.SyncAsync(inbox, options: "<FilterType>2</FilterType>");

        Assert.Equal(["Message 2"], recent.Select(a => EasPhone.Child(a, "Subject")));
        Assert.Equal(["Message 1"], widened.Select(a => EasPhone.Child(a, "Subject")));
        Assert.Single(EasPhone.Commands(narrowed, "SoftDelete"));
    }

    [Theory]
    [InlineData("<Sync xmlns=\"AirSync:\"><Collections><Collection><CollectionId>1</CollectionId></Collection></Collections></Sync>")]
    [InlineData("<Sync xmlns=\"AirSync:\"><Collections><Collection><SyncKey>0</SyncKey></Collection></Collections></Sync>")]
    [InlineData("<FolderSync xmlns=\"FolderHierarchy:\"><SyncKey>0</SyncKey></FolderSync>")]
    [InlineData("<Sync xmlns=\"AirSync:\"><Collections><Collection><SyncKey>x:1</SyncKey><CollectionId>2</CollectionId><Commands><Fetch /></Commands></Collection></Collections></Sync>")]
    public async Task MalformedSync_GetsStatus4_AndTheNextGoodRequestWorks(string xml)
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "BADSYNC1", "iPhone", "16.1");
        await phone.SetupAsync();

        var bad = await phone.Client.SendAsync("Sync", xml);
        var good = await phone.SyncAsync(phone.FolderOfType(2));

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Equal("4", bad.Value("Status"));
        Assert.Equal("1", good.Value("Status"));
    }

    [Fact]
    public async Task UnknownCollection_GetsStatus12_SoTheDeviceFolderSyncs()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "GONE1");
        await phone.SetupAsync();

        var answer = await phone.SyncAsync("9999");

        Assert.Equal("12", answer.Value("Status"));
    }
}
