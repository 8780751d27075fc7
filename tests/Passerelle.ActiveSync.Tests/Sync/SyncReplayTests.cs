using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Sync;

/// <summary>FIELD-NOTES 1 and 2: a response lost on the way, and the same request sent again.</summary>
public class SyncReplayTests : EndToEndSuite
{
    public SyncReplayTests()
        : base(new MailBackend())
    {
    }

    protected SyncReplayTests(MailBackend backend)
        : base(backend)
    {
    }

    [Fact]
    public async Task SyncKeyReplay_OfServerChanges_GivesThemAgainAndThenNothingTwice()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 10).Select(n => Messages.Plain(n)));
        using var phone = new EasPhone(server, Bob, Password, "REPLAY1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAsync(inbox, windowSize: 4);
        var keyBefore = phone.Keys[inbox];

        var lost = await phone.SyncAsync(inbox, windowSize: 4);
        var replayed = await phone.SyncAsync(inbox, windowSize: 4, syncKey: keyBefore);
        var all = EasPhone.Commands(replayed, "Add").ToList();
        all.AddRange(await phone.SyncAllAsync(inbox, windowSize: 4));

        Assert.Equal(EasPhone.Commands(lost, "Add").Select(a => EasPhone.Child(a, "ServerId")), EasPhone.Commands(replayed, "Add").Select(a => EasPhone.Child(a, "ServerId")));
        Assert.Equal(10, all.Count);
        Assert.Equal(10, all.Select(a => EasPhone.Child(a, "ServerId")).Distinct().Count());
    }

    [Fact]
    public async Task SyncKeyReplay_OfAClientAdd_DoesNotAddTwice()
    {
        await using var server = await StartAsync();
        using var phone = new EasPhone(server, Bob, Password, "REPLAY2", "iPhone", "16.1");
        await phone.SetupAsync();
        var drafts = phone.FolderOfType(3);
        await phone.SyncAllAsync(drafts);
        var key = phone.Keys[drafts];
        var add = """
            <Add><ClientId>c-1</ClientId><ApplicationData>
              <email:To>carol@example.test</email:To><email:Subject>Draft</email:Subject>
              <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>draft text</airsyncbase:Data></airsyncbase:Body>
            </ApplicationData></Add>
            """;

        var first = await phone.SyncAsync(drafts, add, syncKey: key);
        var again = await phone.SyncAsync(drafts, add, syncKey: key);
        using var other = new EasPhone(server, Bob, Password, "REPLAY2B");
        await other.SetupAsync();
        var seen = await other.SyncAllAsync(drafts);

        Assert.Equal(first.Value("ServerId"), again.Value("ServerId"));
        Assert.Single(seen);
        Assert.Equal("Draft", EasPhone.Child(seen[0], "Subject"));
    }

    [Fact]
    public async Task SyncKeyReplay_OfChangesAndDeletes_AppliesThemOnceAndLosesNothing()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 3).Select(n => Messages.Plain(n)));
        using var phone = new EasPhone(server, Bob, Password, "REPLAY3");
        using var watcher = new EasPhone(server, Bob, Password, "REPLAY3W");
        await phone.SetupAsync();
        await watcher.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var ids = (await phone.SyncAllAsync(inbox)).Select(a => EasPhone.Child(a, "ServerId")!).ToList();
        await watcher.SyncAllAsync(inbox);
        var key = phone.Keys[inbox];
        var commands = $"""
            <Change><ServerId>{ids[0]}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>
            <Delete><ServerId>{ids[1]}</ServerId></Delete>
            """;

        var first = await phone.SyncAsync(inbox, commands, syncKey: key);
        var again = await phone.SyncAsync(inbox, commands, syncKey: key);
        var afterwards = await phone.SyncAsync(inbox);
        var seen = await watcher.SyncAsync(inbox);

        Assert.Equal("1", first.Value("Status"));
        Assert.Equal("1", again.Value("Status"));
        Assert.Empty(again.All("Responses"));
        Assert.Empty(EasPhone.Commands(afterwards, "Add"));
        Assert.Empty(EasPhone.Commands(afterwards, "Delete"));
        Assert.Single(EasPhone.Commands(seen, "Change"));
        Assert.Equal([ids[1]], EasPhone.Commands(seen, "Delete").Select(d => EasPhone.Child(d, "ServerId")));
    }

    [Fact]
    public async Task DuplicateInitialSync_FromIos_AttachesToTheFirst()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, [Messages.Plain(1)]);
        using var phone = new EasPhone(server, Bob, Password, "DUP1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);

        var first = await phone.SyncAsync(inbox, syncKey: "0");
        var second = await phone.SyncAsync(inbox, syncKey: "0");
        var items = await phone.SyncAsync(inbox, syncKey: first.Value("SyncKey"));

        Assert.Equal(first.Value("SyncKey"), second.Value("SyncKey"));
        Assert.Single(EasPhone.Commands(items, "Add"));
    }

    [Fact]
    public async Task UnknownSyncKey_GetsStatus3_AndTheDeviceRecoversWithAFullResync()
    {
        await using var server = await StartAsync();
        await ImportAsync(server, Bob, Enumerable.Range(1, 2).Select(n => Messages.Plain(n)));
        using var phone = new EasPhone(server, Bob, Password, "BADKEY1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAllAsync(inbox);

        var refused = await phone.SyncAsync(inbox, syncKey: "00000000:99");
        phone.Keys.Remove(inbox);
        var again = await phone.SyncAllAsync(inbox);

        Assert.Equal("3", refused.Value("Status"));
        Assert.Equal(2, again.Count);
    }
}
