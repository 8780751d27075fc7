using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Push;

/// <summary>Ping (direct push) over real HTTP: every status, the empty Ping, supersession, and what wakes it.</summary>
public sealed class PingTests
{
    private const string PlainBody = "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type></airsyncbase:BodyPreference>";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ping_MailDeliveredToTheInbox_AnswersStatus2NamingTheInbox()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        var inbox = phone.FolderOfType(2);

        var ping = phone.Client.SendAsync("Ping", PingXml(300, inbox, phone.FolderOfType(5)));
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(7)]);
        var answer = await ping.WaitAsync(Deadline);

        Assert.Equal("2", answer.Value("Status"));
        Assert.Equal([inbox], answer.All("Folder").Select(f => f.Value));
        Assert.Equal(["Message 7"], EasPhone.Commands(await phone.SyncAsync(inbox, options: PlainBody), "Add").Select(a => EasPhone.Child(a, "Subject")));
    }

    [Fact]
    public async Task Ping_WhenTheFolderChangedBeforeIt_AnswersAtOnce()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(8)]);

        var answer = await phone.Client.SendAsync("Ping", PingXml(300, phone.FolderOfType(2))).WaitAsync(Deadline);

        Assert.Equal("2", answer.Value("Status"));
    }

    [Fact]
    public async Task Ping_FlagSetByAnotherDevice_WakesIt()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1)]);
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        using var tablet = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IPAD1");
        await tablet.SetupAsync();
        var serverId = EasPhone.Child((await tablet.SyncAllAsync(tablet.FolderOfType(2), PlainBody)).Single(), "ServerId");
        var inbox = phone.FolderOfType(2);

        var ping = phone.Client.SendAsync("Ping", PingXml(300, inbox));
        var change = await tablet.SyncAsync(tablet.FolderOfType(2), $"<Change><ServerId>{serverId}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>");
        var answer = await ping.WaitAsync(Deadline);

        Assert.Equal("1", change.Value("Status"));
        Assert.Equal("2", answer.Value("Status"));
        var flagged = EasPhone.Commands(await phone.SyncAsync(inbox, options: PlainBody), "Change").Single();
        Assert.Equal("1", EasPhone.Child(flagged, "Read"));
    }

    [Theory]
    [InlineData(59, 60)]
    [InlineData(1741, 1740)]
    public async Task Ping_HeartbeatOutOfRange_AnswersStatus5WithTheLimit(int asked, int limit)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");

        var answer = await phone.Client.SendAsync("Ping", PingXml(asked, phone.FolderOfType(2)));

        Assert.Equal("5", answer.Value("Status"));
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Value("HeartbeatInterval"));
    }

    [Fact]
    public async Task Ping_HeartbeatLimits_AreConfigurable()
    {
        await using var server = await ActiveSyncHost.StartAsync(new() { ["Plugins:ActiveSync:MaxHeartbeatSeconds"] = "3540" });
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");

        var tooLong = await phone.Client.SendAsync("Ping", PingXml(3541, phone.FolderOfType(2)));

        Assert.Equal("5", tooLong.Value("Status"));
        Assert.Equal("3540", tooLong.Value("HeartbeatInterval"));
    }

    [Fact]
    public async Task Ping_TooManyFolders_AnswersStatus6WithMaxFolders()
    {
        await using var server = await ActiveSyncHost.StartAsync(new() { ["Plugins:ActiveSync:MaxPingFolders"] = "2" });
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");

        var answer = await phone.Client.SendAsync("Ping", PingXml(300, phone.FolderOfType(2), phone.FolderOfType(3), phone.FolderOfType(4)));

        Assert.Equal("6", answer.Value("Status"));
        Assert.Equal("2", answer.Value("MaxFolders"));
    }

    [Fact]
    public async Task Ping_EmptyBeforeAnyPing_AnswersStatus3()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");

        var answer = await phone.Client.SendAsync("Ping", null);

        Assert.Equal("3", answer.Value("Status"));
    }

    [Fact]
    public async Task Ping_Empty_ReusesTheLastParameters()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        var inbox = phone.FolderOfType(2);
        var first = phone.Client.SendAsync("Ping", PingXml(300, inbox));
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1)]);
        Assert.Equal("2", (await first.WaitAsync(Deadline)).Value("Status"));
        await phone.SyncAsync(inbox, options: PlainBody);

        var empty = phone.Client.SendAsync("Ping", null);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(2)]);
        var answer = await empty.WaitAsync(Deadline);

        Assert.Equal("2", answer.Value("Status"));
        Assert.Equal([inbox], answer.All("Folder").Select(f => f.Value));
    }

    [Fact]
    public async Task Ping_UnknownFolder_AnswersStatus7()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");

        var answer = await phone.Client.SendAsync("Ping", PingXml(300, "no-such-folder"));

        Assert.Equal("7", answer.Value("Status"));
    }

    [Fact]
    public async Task Ping_WithAnotherRoot_AnswersStatus4()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");

        var answer = await phone.Client.SendAsync("Ping", """<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>""");

        Assert.Equal("4", answer.Value("Status"));
    }

    [Fact]
    public async Task Ping_SupersededByANewPing_EndsWithStatus1()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        var inbox = phone.FolderOfType(2);
        var first = phone.Client.SendAsync("Ping", PingXml(300, inbox));
        await WaitUntilWaitingAsync(server, first);

        var second = phone.Client.SendAsync("Ping", PingXml(300, inbox));
        var ended = await first.WaitAsync(Deadline);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(3)]);

        Assert.Equal("1", ended.Value("Status"));
        Assert.Equal("2", (await second.WaitAsync(Deadline)).Value("Status"));
    }

    [Fact]
    public async Task Ping_SupersededByASync_EndsWithStatus1()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        var inbox = phone.FolderOfType(2);
        var ping = phone.Client.SendAsync("Ping", PingXml(300, inbox));
        await WaitUntilWaitingAsync(server, ping);

        await phone.SyncAsync(phone.FolderOfType(5), options: PlainBody);

        Assert.Equal("1", (await ping.WaitAsync(Deadline)).Value("Status"));
    }

    [Fact]
    public async Task Ping_HeartbeatEndsWithoutChanges_AnswersStatus1()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ActiveSyncHost.StartAsync(configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        using var phone = await SyncedPhoneAsync(server, "IPHONE1");
        var ping = phone.Client.SendAsync("Ping", PingXml(480, phone.FolderOfType(2)));
        await WaitUntilWaitingAsync(server, ping);

        // The clock may be read before the wait begins: advancing until the answer comes covers both orders.
        var deadline = DateTime.UtcNow + Deadline;
        while (!ping.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromSeconds(481));
            await Task.WhenAny(ping, Task.Delay(50));
        }

        Assert.Equal("1", (await ping.WaitAsync(Deadline)).Value("Status"));
    }

    private static async Task<EasPhone> SyncedPhoneAsync(PasserelleServer server, string deviceId)
    {
        var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, deviceId);
        await phone.SetupAsync();
        foreach (var folder in phone.Folders.Values.Where(f => f.Type is 2 or 3 or 4 or 5))
        {
            await phone.SyncAllAsync(folder.ServerId, PlainBody);
        }

        return phone;
    }

    /// <summary>Waits until the server holds the device's first Ping: it saves the parameters once the Ping is registered.</summary>
    private static async Task WaitUntilWaitingAsync(PasserelleServer server, Task<EasAnswer> ping)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline && !ping.IsCompleted)
        {
            if (await ActiveSyncHost.QueryStateAsync(server, "SELECT COUNT(*) FROM ping_states") is long and > 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private static string PingXml(int heartbeat, params string[] folders) => $"""
        <Ping xmlns="Ping:">
          <HeartbeatInterval>{heartbeat}</HeartbeatInterval>
          <Folders>{string.Concat(folders.Select(f => $"<Folder><Id>{f}</Id><Class>Email</Class></Folder>"))}</Folders>
        </Ping>
        """;
}
