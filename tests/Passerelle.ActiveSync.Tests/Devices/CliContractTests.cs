using System.Text.Json;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>The CLI contract scripts rely on: every command, the --json shapes, and bad input refused with nothing changed.</summary>
public sealed class CliContractTests
{
    private const string Alice = ActiveSyncHost.Alice;
    private const string Bob = ActiveSyncHost.Bob;

    [Fact]
    public async Task DeviceList_Json_HasTheContractFields_AndFilters()
    {
        await using var server = await StartAsync();
        using var alicePhone = Phone(server, Alice, "LIST1", "iPhone", "16.1");
        using var carolPhone = Phone(server, Carol, "LIST2", "Android", "14.1");
        await alicePhone.FolderSyncAsync();
        await carolPhone.FolderSyncAsync();
        await CliAsync(server, "device", "quarantine", "LIST2");

        var all = Parse(await CliAsync(server, "device", "list", "--json"));
        var byUser = Parse(await CliAsync(server, "device", "list", "--user", Alice, "--json"));
        var byDomain = Parse(await CliAsync(server, "device", "list", "--domain", "other.test", "--json"));
        var byState = Parse(await CliAsync(server, "device", "list", "--state", "quarantined", "--json"));
        var text = await CliAsync(server, "device", "list");

        Assert.Equal(2, all.GetArrayLength());
        foreach (var device in all.EnumerateArray())
        {
            foreach (var key in new[] { "deviceId", "user", "deviceType", "model", "os", "userAgent", "protocolVersion", "firstSync", "lastSync", "state", "policyStatus", "wipeStatus" })
            {
                Assert.True(device.TryGetProperty(key, out _), key);
            }

            Assert.Contains(device.GetProperty("state").GetString(), new[] { "allowed", "blocked", "quarantined" });
            Assert.True(DateTimeOffset.TryParse(device.GetProperty("firstSync").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        }

        Assert.Equal(["LIST1"], byUser.EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()));
        Assert.Equal(["LIST2"], byDomain.EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()));
        Assert.Equal(["LIST2"], byState.EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()));
        Assert.Contains("LIST1\talice@example.test\tiPhone", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneDeviceIdOfTwoAccounts_NeedsUser()
    {
        await using var server = await StartAsync();
        using var alicePhone = Phone(server, Alice, "SHARED1");
        using var bobPhone = Phone(server, Bob, "SHARED1");
        await alicePhone.FolderSyncAsync();
        await bobPhone.FolderSyncAsync();

        var ambiguous = await server.RunCliAsync("device", "block", "SHARED1");
        await CliAsync(server, "device", "block", "SHARED1", "--user", Bob);
        var alice = Parse(await CliAsync(server, "device", "show", "SHARED1", "--user", Alice, "--json"));
        var bob = Parse(await CliAsync(server, "device", "show", "SHARED1", "--user", Bob, "--json"));

        Assert.NotEqual(0, ambiguous.ExitCode);
        Assert.Contains("--user", ambiguous.Error, StringComparison.Ordinal);
        Assert.Equal(("allowed", "blocked"), (alice.GetProperty("state").GetString(), bob.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task RuleList_Json_HasTheContractShape()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "rule", "default", "quarantine");
        await CliAsync(server, "rule", "add", "--scope", "server", "--by", "os", "--value", "iOS", "--action", "allow", "--description", "iPhones", "--disabled");
        await CliAsync(server, "rule", "add", "--scope", "domain:other.test", "--action", "block");
        await CliAsync(server, "rule", "add", "--scope", $"user:{Bob}", "--action", "allow");

        var rules = Parse(await CliAsync(server, "rule", "list", "--json")).EnumerateArray().ToList();

        Assert.Equal(["global", "server", "domain:other.test", $"user:{Bob}"], rules.Select(r => r.GetProperty("scope").GetString()));
        Assert.Equal(("quarantine", 0), (rules[0].GetProperty("action").GetString(), rules[0].GetProperty("id").GetInt32()));
        var server1 = rules[1];
        Assert.Equal(("os", "iOS", "allow", "iPhones", false), (server1.GetProperty("by").GetString(), server1.GetProperty("value").GetString(), server1.GetProperty("action").GetString(), server1.GetProperty("description").GetString(), server1.GetProperty("enabled").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, rules[2].GetProperty("by").ValueKind);
        Assert.True(rules[3].GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task RuleRemove_RemovesIt_AndTheGlobalRuleStays()
    {
        await using var server = await StartAsync();
        var added = await CliAsync(server, "rule", "add", "--scope", "server", "--by", "model", "--value", "X", "--action", "block");
        var id = added.Split(' ')[1];

        await CliAsync(server, "rule", "remove", id);
        var global = await server.RunCliAsync("rule", "remove", "0");

        Assert.Equal(["global"], Parse(await CliAsync(server, "rule", "list", "--json")).EnumerateArray().Select(r => r.GetProperty("scope").GetString()));
        Assert.NotEqual(0, global.ExitCode);
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["device", "show", "NOSUCH"], "no device NOSUCH" },
        { ["device", "block", "NOSUCH"], "no device NOSUCH" },
        { ["device", "wipe", "NOSUCH"], "no device NOSUCH" },
        { ["device", "remove", "NOSUCH"], "no device NOSUCH" },
        { ["device", "list", "--state", "lost"], "'lost' is not a state" },
        { ["device", "list", "--user", "alice"], "not an e-mail address" },
        { ["rule", "remove", "99"], "no rule 99" },
        { ["rule", "remove", "abc"], "not a rule id" },
        { ["rule", "default", "maybe"], "not an action" },
        { ["rule", "add", "--scope", "server", "--action", "block"], "needs --by" },
        { ["rule", "add", "--scope", "server", "--by", "colour", "--value", "red", "--action", "block"], "'colour'" },
        { ["rule", "add", "--scope", "planet:mars", "--action", "block"], "not a scope" },
        { ["rule", "add", "--scope", "domain:nowhere.test", "--action", "block"], "no domain nowhere.test" },
        { ["rule", "add", "--scope", "user:nobody@example.test", "--action", "block"], "no account nobody@example.test" },
        { ["policy", "show", "--level", "planet:mars"], "not a level" },
        { ["policy", "show", "--level", "device:NOSUCH"], "no device NOSUCH" },
        { ["policy", "show", "--level", "user:nobody@example.test"], "no account" },
        { ["policy", "set", "--level", "server", "Colour=red"], "'Colour' is not a policy setting" },
        { ["policy", "set", "--level", "server", "DevicePasswordEnabled=perhaps"], "takes 0 or 1" },
        { ["policy", "set", "--level", "server", "MinDevicePasswordLength=17"], "from 1 to 16" },
        { ["policy", "set", "--level", "server", "MaxInactivityTimeDeviceLock=10000"], "from 0 to 9999" },
        { ["policy", "set", "--level", "server", "MinDevicePasswordComplexCharacters=5"], "from 1 to 4" },
        { ["policy", "set", "--level", "server", "AllowBluetooth=x"], "whole number" },
        { ["policy", "set", "--level", "server", "AllowCamera"], "not KEY=VALUE" },
        { ["policy", "inherit", "--level", "server", "Colour"], "not a policy setting" },
        { ["device", "settings", "set", "--level", "server", "MailFolders=some"], "MailFolders takes one of" },
        { ["user", "admin", "nobody@example.test"], "no account nobody@example.test" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_IsOneLineOnStderr_NonZero_NothingChanged(string[] args, string message)
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "server", "MinDevicePasswordLength=4");
        var before = await CliAsync(server, "policy", "show", "--level", "server", "--json");

        var result = await server.RunCliAsync(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Equal(before, await CliAsync(server, "policy", "show", "--level", "server", "--json"));
        Assert.Equal(["global"], Parse(await CliAsync(server, "rule", "list", "--json")).EnumerateArray().Select(r => r.GetProperty("scope").GetString()));
    }

    [Fact]
    public async Task PolicySet_WithOneBadPair_ChangesNoneOfThem()
    {
        await using var server = await StartAsync();

        var result = await server.RunCliAsync("policy", "set", "--level", "server", "MinDevicePasswordLength=6", "AllowCamera=maybe");
        var shown = Parse(await CliAsync(server, "policy", "show", "--level", "server", "--json"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("default", shown.GetProperty("MinDevicePasswordLength").GetProperty("from").GetString());
    }

    [Fact]
    public async Task PolicyShow_Text_ListsEverySettingWithItsLevel()
    {
        await using var server = await StartAsync();
        await CliAsync(server, "policy", "set", "--level", "domain:example.test", "AllowWiFi=0");

        var text = await CliAsync(server, "policy", "show", "--level", $"user:{Alice}");

        Assert.Contains("AllowWiFi\t0\tdomain:example.test", text, StringComparison.Ordinal);
        Assert.Contains("DevicePasswordEnabled\t0\tdefault", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdmin_JoinsTheStoresUserCommand_AndRevokes()
    {
        await using var server = await StartAsync();

        var granted = await CliAsync(server, "user", "admin", Alice);
        var storeCommand = await CliAsync(server, "user", "list");
        await CliAsync(server, "user", "admin", Alice, "--revoke");

        Assert.Contains("alice@example.test is an administrator", granted, StringComparison.Ordinal);
        Assert.Contains("admin@example.test (admin)", storeCommand, StringComparison.Ordinal);
        Assert.Equal(0L, await ActiveSyncHost.QueryStateAsync(server, "SELECT COUNT(*) FROM admin_grants"));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
