using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>449 / Status 142, 143, 144 and the two-phase recovery, with the policy set through the levels.</summary>
public sealed class PolicyEnforcementTests
{
    private const string Alice = ActiveSyncHost.Alice;
    private const string Provision = """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""";

    [Theory]
    [InlineData("14.1", HttpStatusCode.OK, "142")]
    [InlineData("16.1", HttpStatusCode.OK, "142")]
    [InlineData("12.1", (HttpStatusCode)449, null)]
    public async Task NonProvisionableNotAllowed_DeviceIsSentToProvision_ThenRecoversInTwoPhases(string version, HttpStatusCode expected, string? status)
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0");
        using var phone = Phone(server, Alice, "ENFORCE1", "Android", version);

        var refused = await phone.FolderSyncAsync();
        await phone.ProvisionAsync();
        var accepted = await phone.FolderSyncAsync();

        Assert.Equal(expected, refused.Status);
        Assert.Equal(status, status is null ? null : refused.Value("Status"));
        Assert.Equal("1", accepted.Value("Status"));
    }

    [Fact]
    public async Task NonProvisionableAllowedForOneDevice_ThatDeviceSyncsWithoutProvisioning()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0");
        using var outlook = Phone(server, Alice, "OUTLOOK1", "WindowsOutlook15", "14.1");
        using var other = Phone(server, Alice, "OTHER1", "Android", "14.1");
        await outlook.FolderSyncAsync();
        await CliAsync(server, "policy", "set", "--level", "device:OUTLOOK1", "AllowNonProvisionableDevices=1");

        var allowed = await outlook.FolderSyncAsync();
        var refused = await other.FolderSyncAsync();

        Assert.Equal("1", allowed.Value("Status"));
        Assert.Equal("142", refused.Value("Status"));
    }

    [Fact]
    public async Task RemovingThePasswordRequirementForADevice_SendsItANewPolicy()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0", "DevicePasswordEnabled=1", "MinDevicePasswordLength=6");
        using var phone = Phone(server, Alice, "CHANGE1", "iPhone", "16.1");
        await phone.ProvisionAsync();
        var before = await phone.FolderSyncAsync();

        await CliAsync(server, "policy", "set", "--level", "device:CHANGE1", "DevicePasswordEnabled=0");
        var stale = await phone.FolderSyncAsync();
        var document = await PolicyInheritanceTests.PolicyDocumentAsync(phone);
        await phone.ProvisionAsync();
        var after = await phone.FolderSyncAsync();

        Assert.Equal("1", before.Value("Status"));
        Assert.Equal("144", stale.Value("Status"));
        Assert.Equal("0", document["DevicePasswordEnabled"]);
        Assert.Equal("1", after.Value("Status"));
    }

    [Fact]
    public async Task UnchangedPolicyForTheDevicesVersion_DoesNotSendItBackToProvision()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0");
        using var phone = Phone(server, Alice, "OLD120", "Android", "12.0");
        await phone.ProvisionAsync();

        // AllowCamera is a 12.1 setting: a 12.0 device never receives it (FIELD-NOTES 7).
        await CliAsync(server, "policy", "set", "--level", "server", "AllowCamera=0");
        var answer = await phone.FolderSyncAsync();

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("1", answer.Value("Status"));
    }

    [Fact]
    public async Task RefreshInterval_Passed_GetsStatus143_ThenReprovisions()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0", "DevicePolicyRefreshInterval=2");
        using var phone = Phone(server, Alice, "REFRESH1", "iPhone", "14.1");
        await phone.ProvisionAsync();

        clock.Advance(TimeSpan.FromMinutes(119));
        var fresh = await phone.FolderSyncAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var due = await phone.FolderSyncAsync();
        await phone.ProvisionAsync();
        var again = await phone.FolderSyncAsync();

        Assert.Equal("1", fresh.Value("Status"));
        Assert.Equal("143", due.Value("Status"));
        Assert.Equal("1", again.Value("Status"));
    }

    [Fact]
    public async Task DeviceThatDoesNotApplyThePolicy_GetsStatus139_AndTheOwnerAndAdminAreTold()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0", "RequireDeviceEncryption=1");
        using var phone = Phone(server, Alice, "PARTIAL1", "Android", "14.1");
        phone.PolicyKey = 0;
        var first = await phone.SendAsync("Provision", Provision);
        var temporary = first.Value("PolicyKey")!;

        var ack = await phone.SendAsync("Provision", $"""<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>{temporary}</PolicyKey><Status>2</Status></Policy></Policies></Provision>""");
        phone.PolicyKey = Key(temporary);
        var refused = await phone.FolderSyncAsync();

        Assert.Equal("139", ack.Value("Status"));
        Assert.Null(ack.Value("PolicyKey"));
        Assert.Equal("142", refused.Value("Status"));
        Assert.Contains(await InboxSubjectsAsync(server, Alice), s => s.Contains("did not apply the security policy", StringComparison.Ordinal));
        Assert.Contains(await InboxSubjectsAsync(server, AdminUser), s => s.Contains("did not apply the security policy", StringComparison.Ordinal));
        Assert.Contains("\"policyStatus\":\"partially applied\"", await CliAsync(server, "device", "show", "PARTIAL1", "--json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternallyManagedDevice_NotAllowed_GetsStatus145()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "AllowNonProvisionableDevices=0");
        using var phone = Phone(server, Alice, "MDM1", "Android", "14.1");
        phone.PolicyKey = 0;
        var temporary = (await phone.SendAsync("Provision", Provision)).Value("PolicyKey");

        var ack = await phone.SendAsync("Provision", $"""<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>{temporary}</PolicyKey><Status>4</Status></Policy></Policies></Provision>""");

        Assert.Equal("145", ack.Value("Status"));
    }

    [Fact]
    public async Task PartialApply_WhenNonProvisionableDevicesAreAllowed_IsAcceptedButReported()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "PARTIAL2", "Android", "14.1");
        phone.PolicyKey = 0;
        var temporary = (await phone.SendAsync("Provision", Provision)).Value("PolicyKey");

        var ack = await phone.SendAsync("Provision", $"""<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>{temporary}</PolicyKey><Status>2</Status></Policy></Policies></Provision>""");

        Assert.Equal("1", ack.Value("Status"));
        Assert.NotNull(ack.Value("PolicyKey"));
        Assert.Single(await InboxSubjectsAsync(server, AdminUser));
    }
}
