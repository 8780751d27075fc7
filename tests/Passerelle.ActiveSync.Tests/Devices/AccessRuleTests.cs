using System.Net;
using System.Net.Http.Json;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>Each rule level over HTTP: user, domain, server OS, Model, Type, global; first match wins.</summary>
public sealed class AccessRuleTests
{
    private const string Alice = ActiveSyncHost.Alice;
    private const string Bob = ActiveSyncHost.Bob;

    [Theory]
    [InlineData("14.1", HttpStatusCode.OK, "129")]
    [InlineData("12.1", HttpStatusCode.Forbidden, null)]
    public async Task GlobalRuleBlock_EveryCommandOfANewDevice_IsRefused(string version, HttpStatusCode expected, string? status)
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "block");
        using var phone = Phone(server, Alice, "BLOCKED1", "Android", version);

        var folderSync = await phone.FolderSyncAsync();
        var provision = await phone.SendAsync("Provision", """<Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");

        Assert.Equal(expected, folderSync.Status);
        Assert.Equal(expected, provision.Status);
        Assert.Equal(status, status is null ? null : folderSync.Value("Status"));
        Assert.Equal(status, status is null ? null : provision.Value("Status"));
        Assert.Null(provision.Value("PolicyKey"));
    }

    [Fact]
    public async Task RuleLevels_FirstMatchWins_UserThenDomainThenServerThenGlobal()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "block");
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "type", "--value", "iPhone", "--action", "quarantine");
        await CliAsync(server, "rule", "add", "--scope", "domain:example.test", "--action", "allow");
        await CliAsync(server, "rule", "add", "--scope", $"user:{Bob}", "--action", "block");
        using var carolPhone = Phone(server, Carol, "CAROL1", "iPhone", "14.1");
        using var carolTablet = Phone(server, Carol, "CAROL2", "Tablet", "14.1");
        using var alicePhone = Phone(server, Alice, "ALICE1", "iPhone", "14.1");
        using var bobPhone = Phone(server, Bob, "BOB1", "iPhone", "14.1");

        var carol = await carolPhone.FolderSyncAsync();
        var carolOther = await carolTablet.FolderSyncAsync();
        var alice = await alicePhone.FolderSyncAsync();
        var bob = await bobPhone.FolderSyncAsync();

        Assert.Equal("1", carol.Value("Status"));          // server type rule: quarantined, still syncs its default folders
        Assert.Equal("129", carolOther.Value("Status"));   // no rule: the global rule blocks
        Assert.Equal("1", alice.Value("Status"));          // domain rule allows, before the server rule
        Assert.Equal("129", bob.Value("Status"));          // user rule blocks, before the domain rule
        var states = await CliAsync(server, "device", "list", "--json");
        Assert.Contains("\"deviceId\":\"CAROL1\",\"user\":\"carol@other.test\"", states, StringComparison.Ordinal);
        Assert.Equal("quarantined", await StateAsync(server, "CAROL1"));
        Assert.Equal("blocked", await StateAsync(server, "CAROL2"));
        Assert.Equal("allowed", await StateAsync(server, "ALICE1"));
        Assert.Equal("blocked", await StateAsync(server, "BOB1"));
    }

    [Fact]
    public async Task ServerRules_OsBeforeModelBeforeType()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "type", "--value", "Android", "--action", "block");
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "model", "--value", "Pixel 8", "--action", "quarantine");
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "os", "--value", "Android 15", "--action", "allow");
        using var pixel15 = Phone(server, Alice, "PIXEL15", "Android", "14.1");
        using var pixel14 = Phone(server, Alice, "PIXEL14", "Android", "14.1");
        using var other = Phone(server, Alice, "OTHER14", "Android", "14.1");

        await pixel15.ProvisionAsync(DeviceInformation("Pixel 8", "Android 15"));
        await pixel14.ProvisionAsync(DeviceInformation("Pixel 8", "Android 14"));
        var refused = await other.SendAsync("Provision", $"""<Provision xmlns="Provision:" xmlns:settings="Settings:">{DeviceInformation("Galaxy", "Android 14")}<Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");

        Assert.Equal("allowed", await StateAsync(server, "PIXEL15"));
        Assert.Equal("quarantined", await StateAsync(server, "PIXEL14"));
        Assert.Equal("129", refused.Value("Status"));
        Assert.Equal("blocked", await StateAsync(server, "OTHER14"));
    }

    [Theory]
    [InlineData("Android", "blocked")]   // the rule's value itself
    [InlineData("Andro", "blocked")]     // a shorter prefix of the rule's value
    [InlineData("A", "blocked")]         // down to one character
    [InlineData("android", "allowed")]   // case-sensitive
    [InlineData("AndroidTV", "allowed")] // longer than the rule's value: not one of its prefixes
    [InlineData("Apple", "allowed")]
    public async Task ServerRule_MatchesTheRuleValueAndItsShorterPrefixes(string deviceType, string expected)
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "type", "--value", "Android", "--action", "block");
        using var phone = Phone(server, Alice, "PREFIX1", deviceType, "14.1");

        await phone.FolderSyncAsync();

        Assert.Equal(expected, await StateAsync(server, "PREFIX1"));
    }

    [Fact]
    public async Task DisabledRule_IsIgnored_AndRemovingARule_AppliesAtTheNextRequest()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "type", "--value", "iPhone", "--action", "block", "--disabled");
        var blocking = (await CliAsync(server, "rule", "add", "--scope", "server", "--by", "type", "--value", "iPhone", "--action", "block")).Split(' ')[1];
        using var phone = Phone(server, Alice, "RULED1", "iPhone", "14.1");

        var refused = await phone.FolderSyncAsync();
        await CliAsync(server, "rule", "remove", blocking);
        var allowed = await phone.FolderSyncAsync();

        Assert.Equal("129", refused.Value("Status"));
        Assert.Equal("1", allowed.Value("Status"));
    }

    [Fact]
    public async Task AdminDecision_StaysWhateverTheRules()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "KEPT1", "iPhone", "14.1");
        await phone.FolderSyncAsync();
        await CliAsync(server, "device", "allow", "KEPT1");
        await CliAsync(server, "rule", "default", "block");

        var answer = await phone.FolderSyncAsync();

        Assert.Equal("1", answer.Value("Status"));
        Assert.Contains("\"stateReason\":\"set by the command line\"", await CliAsync(server, "device", "show", "KEPT1", "--json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleForSimilarDevices_FromTheConsoleApi_MatchesOtherDevicesOfThatModel()
    {
        await using var server = await StartAsync();
        using var first = Phone(server, Alice, "SIMILAR1", "Android", "14.1");
        using var second = Phone(server, Bob, "SIMILAR2", "Android", "14.1");
        await first.ProvisionAsync(DeviceInformation("SM-G991B", "Android 14"));
        using var admin = server.CreateClient(AdminUser, Password);

        var created = await admin.PostAsJsonAsync("/admin/api/devices/SIMILAR1/similar-rule", new { action = "block" });
        var refused = await second.SendAsync("Provision", $"""<Provision xmlns="Provision:" xmlns:settings="Settings:">{DeviceInformation("SM-G991B", "Android 14")}<Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies></Provision>""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"by\":\"model\",\"value\":\"SM-G991B\",\"action\":\"block\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("129", refused.Value("Status"));
    }

    internal static async Task<string?> StateAsync(Passerelle.Testing.PasserelleServer server, string deviceId) =>
        (string?)await ActiveSyncHost.QueryStateAsync(server, "SELECT access_state FROM devices WHERE device_id = $id", ("$id", deviceId));
}
