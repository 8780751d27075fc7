using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>Remote wipe delivered on the device's next contact (MS-ASPROV 3.2.5.1.2), acknowledged, confirmed by e-mail.</summary>
public sealed class RemoteWipeTests
{
    private const string Alice = ActiveSyncHost.Alice;
    private const string EmptyProvision = """<Provision xmlns="Provision:"/>""";

    [Fact]
    public async Task FullWipe_14_1_Status140ThenRemoteWipeInProvision_AckRemovesTheDeviceAndConfirmsByMail()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE1", "iPhone", "14.1");
        using var other = Phone(server, Alice, "WIPE1B", "iPhone", "14.1");
        await phone.ProvisionAsync();
        await other.FolderSyncAsync();

        var requested = await CliAsync(server, "device", "wipe", "WIPE1");
        var pending = await CliAsync(server, "device", "show", "WIPE1", "--json");
        var refused = await phone.FolderSyncAsync();
        var directive = await phone.SendAsync("Provision", EmptyProvision);
        var ack = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><RemoteWipe><Status>1</Status></RemoteWipe></Provision>""");

        Assert.Contains("pending", requested, StringComparison.Ordinal);
        Assert.Contains("\"wipeStatus\":\"pending\"", pending, StringComparison.Ordinal);
        Assert.Equal("140", refused.Value("Status"));
        Assert.Single(directive.All("RemoteWipe"));
        Assert.Empty(directive.All("AccountOnlyRemoteWipe"));
        Assert.Equal("1", ack.Value("Status"));
        var list = await CliAsync(server, "device", "list", "--json");
        Assert.DoesNotContain("WIPE1\"", list, StringComparison.Ordinal);
        Assert.Contains("WIPE1B", list, StringComparison.Ordinal);
        Assert.Contains(await InboxSubjectsAsync(server, Alice), s => s.Contains("Remote wipe", StringComparison.Ordinal) && s.Contains("done", StringComparison.Ordinal));
        Assert.Contains(await InboxSubjectsAsync(server, AdminUser), s => s.Contains("Remote wipe", StringComparison.Ordinal) && s.Contains("done", StringComparison.Ordinal));
        Assert.Equal("done", await ActiveSyncHost.QueryStateAsync(server, "SELECT status FROM wipe_history WHERE device_id = 'WIPE1'"));
    }

    [Fact]
    public async Task FullWipe_12_1_Gets449_ThenTheDirectiveWithThePolicy()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE2", "Android", "12.1");
        await phone.ProvisionAsync();
        await CliAsync(server, "device", "wipe", "WIPE2");

        var refused = await phone.FolderSyncAsync();
        phone.PolicyKey = 0;
        var directive = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");
        var ack = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><RemoteWipe><Status>1</Status></RemoteWipe></Provision>""");

        Assert.Equal((HttpStatusCode)449, refused.Status);
        Assert.Single(directive.All("RemoteWipe"));
        Assert.NotNull(directive.Value("PolicyKey"));
        Assert.Equal("1", ack.Value("Status"));
        Assert.Null(await ActiveSyncHost.QueryStateAsync(server, "SELECT device_id FROM devices WHERE device_id = 'WIPE2'"));
    }

    [Fact]
    public async Task AccountOnlyWipe_16_1_DeliversAccountOnlyRemoteWipe()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE3", "iPhone", "16.1");
        await phone.ProvisionAsync();

        await CliAsync(server, "device", "wipe", "WIPE3", "--account-only");
        var refused = await phone.FolderSyncAsync();
        var directive = await phone.SendAsync("Provision", EmptyProvision);
        var ack = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><AccountOnlyRemoteWipe><Status>1</Status></AccountOnlyRemoteWipe></Provision>""");

        Assert.Equal("140", refused.Value("Status"));
        Assert.Single(directive.All("AccountOnlyRemoteWipe"));
        Assert.Empty(directive.All("RemoteWipe"));
        Assert.Equal("1", ack.Value("Status"));
        Assert.Contains(await InboxSubjectsAsync(server, AdminUser), s => s.Contains("Remote wipe", StringComparison.Ordinal));
        Assert.Equal(1L, await ActiveSyncHost.QueryStateAsync(server, "SELECT account_only FROM wipe_history WHERE device_id = 'WIPE3'"));
    }

    [Fact]
    public async Task AccountOnlyWipe_OfAnOlderDevice_IsRefused_UntilTheAdminAsksForAFullWipe()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE4", "Android", "14.1");
        await phone.ProvisionAsync();

        var refused = await server.RunCliAsync("device", "wipe", "WIPE4", "--account-only");
        var unchanged = await CliAsync(server, "device", "show", "WIPE4", "--json");
        var stillSyncs = await phone.FolderSyncAsync();
        await CliAsync(server, "device", "wipe", "WIPE4");
        var wiping = await phone.FolderSyncAsync();

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("account-only wipe needs 16.1", refused.Error, StringComparison.Ordinal);
        Assert.Contains("\"wipeStatus\":\"none\"", unchanged, StringComparison.Ordinal);
        Assert.Equal("1", stillSyncs.Value("Status"));
        Assert.Equal("140", wiping.Value("Status"));
    }

    [Fact]
    public async Task AccountOnlyWipe_OfADeviceThatFellBackToAnOlderVersion_IsNotSupported()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE5", "iPhone", "16.1");
        await phone.ProvisionAsync();
        await CliAsync(server, "device", "wipe", "WIPE5", "--account-only");

        phone.Version = "14.1";
        var answer = await phone.FolderSyncAsync();

        Assert.Equal("1", answer.Value("Status"));
        Assert.Contains("\"wipeStatus\":\"not supported\"", await CliAsync(server, "device", "show", "WIPE5", "--json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedDevice_WithAPendingWipe_IsStillWiped()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE6", "iPhone", "14.1");
        await phone.ProvisionAsync();
        await CliAsync(server, "device", "block", "WIPE6");
        await CliAsync(server, "device", "wipe", "WIPE6");

        var refused = await phone.FolderSyncAsync();
        var directive = await phone.SendAsync("Provision", EmptyProvision);

        Assert.Equal("140", refused.Value("Status"));
        Assert.Single(directive.All("RemoteWipe"));
    }

    [Fact]
    public async Task FailedWipe_IsAskedAgain()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "WIPE7", "iPhone", "14.1");
        await phone.ProvisionAsync();
        await CliAsync(server, "device", "wipe", "WIPE7");

        var failed = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><RemoteWipe><Status>2</Status></RemoteWipe></Provision>""");

        Assert.Single(failed.All("RemoteWipe"));
        Assert.Contains("\"wipeStatus\":\"pending\"", await CliAsync(server, "device", "show", "WIPE7", "--json"), StringComparison.Ordinal);
    }
}
