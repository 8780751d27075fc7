using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>Devices recorded, removed with their sync state, limited per user.</summary>
public sealed class DeviceLifecycleTests
{
    private const string Alice = ActiveSyncHost.Alice;

    [Fact]
    public async Task Removal_DropsTheSyncState_NextContactResyncsFully_OtherDevicesUntouched()
    {
        await using var server = await StartAsync();
        using var removed = Phone(server, Alice, "REMOVE1", "iPhone", "14.1");
        using var kept = Phone(server, Alice, "KEEP1", "iPhone", "14.1");
        var removedKey = (await removed.FolderSyncAsync()).Value("SyncKey")!;
        var keptKey = (await kept.FolderSyncAsync()).Value("SyncKey")!;

        await CliAsync(server, "device", "remove", "REMOVE1");
        var stale = await removed.FolderSyncAsync(removedKey);
        var fresh = await removed.FolderSyncAsync();
        var untouched = await kept.FolderSyncAsync(keptKey);

        Assert.Equal("9", stale.Value("Status"));
        Assert.Equal("1", fresh.Value("Status"));
        Assert.Contains("Inbox", fresh.All("DisplayName").Select(e => e.Value));
        Assert.Equal(("1", keptKey), (untouched.Value("Status"), untouched.Value("SyncKey")));
        Assert.Equal(0L, await ActiveSyncHost.QueryStateAsync(server, "SELECT COUNT(*) FROM hierarchy_states WHERE device_id = 'REMOVE1' AND sync_key = $key", ("$key", removedKey)));
    }

    [Theory]
    [InlineData("14.1", HttpStatusCode.OK, "177")]
    [InlineData("12.1", HttpStatusCode.Forbidden, null)]
    public async Task MaximumDevicesPerUser_ANewDeviceBeyondIt_IsRefusedAndNotRecorded(string version, HttpStatusCode expected, string? status)
    {
        await using var server = await StartAsync(new() { ["Plugins:ActiveSync:MaxDevicesPerUser"] = "2" });
        using var first = Phone(server, Alice, "MAX1", "iPhone", version);
        using var second = Phone(server, Alice, "MAX2", "iPhone", version);
        using var third = Phone(server, Alice, "MAX3", "iPhone", version);
        using var bobs = Phone(server, ActiveSyncHost.Bob, "MAX4", "iPhone", version);
        await first.FolderSyncAsync();
        await second.FolderSyncAsync();

        var refused = await third.FolderSyncAsync();
        var known = await first.FolderSyncAsync();
        var otherUser = await bobs.FolderSyncAsync();

        Assert.Equal(expected, refused.Status);
        Assert.Equal(status, status is null ? null : refused.Value("Status"));
        Assert.Equal("1", known.Value("Status"));
        Assert.Equal("1", otherUser.Value("Status"));
        Assert.Null(await ActiveSyncHost.QueryStateAsync(server, "SELECT device_id FROM devices WHERE device_id = 'MAX3'"));
    }

    [Fact]
    public async Task EverythingADeviceSays_IsRecorded()
    {
        await using var server = await StartAsync();
        using var phone = new Passerelle.Testing.EasClient(server, Alice, Password, "RECORD1", "SAMSUNGSMG991B", "14.1", userAgent: "Android-SAMSUNG-SM-G991B/101.140104");

        await phone.ProvisionAsync(DeviceInformation("SM-G991B", "Android 14", "Alice's Galaxy"));
        await phone.FolderSyncAsync();
        var shown = await CliAsync(server, "device", "show", "RECORD1", "--json");

        foreach (var expected in new[]
        {
            "\"deviceId\":\"RECORD1\"", "\"user\":\"alice@example.test\"", "\"deviceType\":\"SAMSUNGSMG991B\"", "\"model\":\"SM-G991B\"",
            "\"os\":\"Android 14\"", "\"userAgent\":\"Android-SAMSUNG-SM-G991B/101.140104\"", "\"protocolVersion\":\"14.1\"", "\"lastCommand\":\"FolderSync\"",
            "\"state\":\"allowed\"", "\"policyStatus\":\"applied\"", "\"wipeStatus\":\"none\"", "\"friendlyName\":\"Alice's Galaxy\"",
        })
        {
            Assert.Contains(expected, shown, StringComparison.Ordinal);
        }

        Assert.Contains("\"firstSync\":\"", shown, StringComparison.Ordinal);
        Assert.Contains("\"lastSync\":\"", shown, StringComparison.Ordinal);
    }
}
