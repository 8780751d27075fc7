using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Sdk.Devices;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>The per-device settings enforced before the Sync engine: protocol version and folders.</summary>
public sealed class DeviceSettingsTests
{
    private const string Alice = ActiveSyncHost.Alice;

    [Fact]
    public async Task HighestProtocolVersion_AboveIt_IsRefusedNamingTheVersionsAllowed_BelowItWorks()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "CAPPED1", "Android", "16.1");
        await phone.FolderSyncAsync();
        await CliAsync(server, "device", "settings", "set", "--level", "device:CAPPED1", "HighestProtocolVersion=14.1");

        var refused = await phone.FolderSyncAsync();
        phone.Version = "14.1";
        var accepted = await phone.FolderSyncAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("12.0,12.1,14.0,14.1", string.Join(',', refused.Headers.GetValues("MS-ASProtocolVersions")));
        Assert.Equal("1", accepted.Value("Status"));
    }

    [Fact]
    public async Task DefaultMailFoldersOnly_HidesTheOthers()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "FOLDERS1", "iPhone", "16.1");
        var all = await FolderNamesAsync(phone);

        await CliAsync(server, "device", "settings", "set", "--level", "device:FOLDERS1", "MailFolders=default");
        var defaults = await FolderNamesAsync(phone);

        Assert.Contains("Projects", all);
        Assert.Equal(["Deleted Items", "Drafts", "Inbox", "Outbox", "Sent Items"], defaults);
    }

    [Fact]
    public async Task ArchiveFoldersOff_ForTheWholeDomain_HidesArchive()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "FOLDERS2", "iPhone", "16.1");

        await CliAsync(server, "device", "settings", "set", "--level", "domain:example.test", "ArchiveFolders=0");
        var names = await FolderNamesAsync(phone);

        Assert.DoesNotContain("Archive", names);
        Assert.Contains("Projects", names);
    }

    [Fact]
    public async Task GroupwareFolderMode_IsWhatOtherPluginsRead()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "GAM1", "iPhone", "16.1");
        await phone.FolderSyncAsync();
        var settings = server.Services.GetServices<IDeviceSettings>().Single();
        var before = await settings.GetGroupwareFolderModeAsync(Alice, "GAM1", CancellationToken.None);

        await CliAsync(server, "device", "settings", "set", "--level", "device:GAM1", "GroupwareFolders=all-as-mail");
        var after = await settings.GetGroupwareFolderModeAsync(Alice, "GAM1", CancellationToken.None);
        var other = await settings.GetGroupwareFolderModeAsync(Alice, "ANOTHER", CancellationToken.None);

        Assert.Equal(GroupwareFolderMode.All, before);
        Assert.Equal(GroupwareFolderMode.AllAsMail, after);
        Assert.Equal(GroupwareFolderMode.All, other);
    }

    [Fact]
    public async Task DeviceSettingsShow_SaysWhereEachComesFrom()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "SHOWSET1", "iPhone", "16.1");
        await phone.FolderSyncAsync();
        await CliAsync(server, "device", "settings", "set", "--level", "server", "RetrievalSize=0");
        await CliAsync(server, "device", "settings", "set", "--level", "device:SHOWSET1", "MailSyncPeriod=3", "NotesAs=tasks");

        var shown = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await CliAsync(server, "device", "settings", "show", "--level", "device:SHOWSET1", "--json"))!;

        Assert.Equal((0, "server"), (shown["RetrievalSize"].GetProperty("value").GetInt32(), shown["RetrievalSize"].GetProperty("from").GetString()));
        Assert.Equal((3, "device:SHOWSET1"), (shown["MailSyncPeriod"].GetProperty("value").GetInt32(), shown["MailSyncPeriod"].GetProperty("from").GetString()));
        Assert.Equal("tasks", shown["NotesAs"].GetProperty("value").GetString());
        Assert.Equal("default", shown["TextOnly"].GetProperty("from").GetString());
    }
}
