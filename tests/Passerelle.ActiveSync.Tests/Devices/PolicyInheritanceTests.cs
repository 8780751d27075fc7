using System.Text.Json;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>The policy through default, server, domain, user and device levels, as devices receive it.</summary>
public sealed class PolicyInheritanceTests
{
    private const string Alice = ActiveSyncHost.Alice;

    [Fact]
    public async Task FiveLevels_EachDeviceGetsTheLowestLevelsValue()
    {
        await using var server = await StartAsync();
        using var alicePhone = Phone(server, Alice, "LEVELS1");
        using var aliceTablet = Phone(server, Alice, "LEVELS2");
        using var carolPhone = Phone(server, Carol, "LEVELS3");
        await alicePhone.FolderSyncAsync();
        await CliAsync(server, "policy", "set", "--level", "default", "MinDevicePasswordLength=4", "MaxInactivityTimeDeviceLock=900");
        await CliAsync(server, "policy", "set", "--level", "server", "DevicePasswordEnabled=1", "MaxInactivityTimeDeviceLock=600");
        await CliAsync(server, "policy", "set", "--level", "domain:example.test", "MinDevicePasswordLength=6");
        await CliAsync(server, "policy", "set", "--level", $"user:{Alice}", "MaxDevicePasswordFailedAttempts=8");
        await CliAsync(server, "policy", "set", "--level", "device:LEVELS1", "MinDevicePasswordLength=8");

        var phone = await PolicyDocumentAsync(alicePhone);
        var tablet = await PolicyDocumentAsync(aliceTablet);
        var carol = await PolicyDocumentAsync(carolPhone);

        Assert.Equal(("1", "8", "8", "600"), (phone["DevicePasswordEnabled"], phone["MinDevicePasswordLength"], phone["MaxDevicePasswordFailedAttempts"], phone["MaxInactivityTimeDeviceLock"]));
        Assert.Equal(("1", "6", "8"), (tablet["DevicePasswordEnabled"], tablet["MinDevicePasswordLength"], tablet["MaxDevicePasswordFailedAttempts"]));
        Assert.Equal(("1", "4", ""), (carol["DevicePasswordEnabled"], carol["MinDevicePasswordLength"], carol["MaxDevicePasswordFailedAttempts"]));
    }

    [Fact]
    public async Task PolicyShow_SaysWhichLevelEachValueComesFrom()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "FROM1");
        await phone.FolderSyncAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "DevicePasswordEnabled=1");
        await CliAsync(server, "policy", "set", "--level", "domain:example.test", "MinDevicePasswordLength=6");
        await CliAsync(server, "policy", "set", "--level", $"user:{Alice}", "AllowCamera=0");
        await CliAsync(server, "policy", "set", "--level", "device:FROM1", "MaxAttachmentSize=1000");

        var shown = await ShowAsync(server, "device:FROM1");

        Assert.Equal((true, "server"), (shown["DevicePasswordEnabled"].GetProperty("value").GetBoolean(), From(shown, "DevicePasswordEnabled")));
        Assert.Equal((6, "domain:example.test"), (shown["MinDevicePasswordLength"].GetProperty("value").GetInt32(), From(shown, "MinDevicePasswordLength")));
        Assert.Equal((false, $"user:{Alice}"), (shown["AllowCamera"].GetProperty("value").GetBoolean(), From(shown, "AllowCamera")));
        Assert.Equal((1000, "device:FROM1"), (shown["MaxAttachmentSize"].GetProperty("value").GetInt32(), From(shown, "MaxAttachmentSize")));
        Assert.Equal("default", From(shown, "AllowBluetooth"));
        Assert.Equal(JsonValueKind.Null, shown["MaxDevicePasswordFailedAttempts"].GetProperty("value").ValueKind);
        Assert.True(shown.ContainsKey("ApprovedApplicationList"));
        Assert.True(shown.ContainsKey("AllowNonProvisionableDevices"));
    }

    [Fact]
    public async Task Inherit_ReturnsALevelToItsParent_AndAChangePropagatesToInheritingLevels()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "INHERIT1");
        await phone.FolderSyncAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "MinDevicePasswordLength=5");
        await CliAsync(server, "policy", "set", "--level", "device:INHERIT1", "MinDevicePasswordLength=9");

        await CliAsync(server, "policy", "inherit", "--level", "device:INHERIT1");
        await CliAsync(server, "policy", "set", "--level", "server", "MinDevicePasswordLength=7");
        var device = await ShowAsync(server, "device:INHERIT1");
        var user = await ShowAsync(server, $"user:{Alice}");
        var sent = await PolicyDocumentAsync(phone);

        Assert.Equal((7, "server"), (device["MinDevicePasswordLength"].GetProperty("value").GetInt32(), From(device, "MinDevicePasswordLength")));
        Assert.Equal("server", From(user, "MinDevicePasswordLength"));
        Assert.Equal("7", sent["MinDevicePasswordLength"]);
    }

    [Fact]
    public async Task SetKeyToInherit_ReturnsOnlyThatSetting()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "MinDevicePasswordLength=5", "AllowCamera=0");

        await CliAsync(server, "policy", "set", "--level", "server", "AllowCamera=inherit");
        var shown = await ShowAsync(server, "server");

        Assert.Equal("server", From(shown, "MinDevicePasswordLength"));
        Assert.Equal("default", From(shown, "AllowCamera"));
    }

    [Fact]
    public async Task ConfiguredPolicy_IsTheDefaultLevel()
    {
        await using var server = await StartAsync(new() { ["Plugins:ActiveSync:Policy:AllowCamera"] = "false", ["Plugins:ActiveSync:RequireProvisioning"] = "true" });

        var shown = await ShowAsync(server, "server");

        Assert.Equal((false, "default"), (shown["AllowCamera"].GetProperty("value").GetBoolean(), From(shown, "AllowCamera")));
        Assert.False(shown["AllowNonProvisionableDevices"].GetProperty("value").GetBoolean());
    }

    internal static async Task<Dictionary<string, string>> PolicyDocumentAsync(Passerelle.Testing.EasClient phone)
    {
        phone.PolicyKey = 0;
        var answer = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");
        var document = answer.All("EASProvisionDoc").Single();
        return document.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
    }

    internal static async Task<Dictionary<string, JsonElement>> ShowAsync(Passerelle.Testing.PasserelleServer server, string level) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await CliAsync(server, "policy", "show", "--level", level, "--json"))!;

    private static string From(Dictionary<string, JsonElement> shown, string name) => shown[name].GetProperty("from").GetString()!;
}
