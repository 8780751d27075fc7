using System.Text.Json;
using Passerelle.GroupwareAsMail.Tests.Infrastructure;

namespace Passerelle.GroupwareAsMail.Tests.Cli;

/// <summary>The CLI contract scripts rely on: gwmail on|off|auto|show, the --json shape, bad input refused with nothing changed.</summary>
public sealed class GwmailCliTests
{
    [Fact]
    public async Task Show_ForAUserWhoSetNothing_IsTheConfiguredDefault_WithoutEffective()
    {
        await using var server = await DemoHost.StartAsync();

        var shown = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--json"));

        Assert.Equal(["mode", "from"], shown.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("auto", "default"), (shown.GetProperty("mode").GetString(), shown.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task OnThenShow_ComesFromTheUser_AndAutoReturnsToTheDefault()
    {
        await using var server = await DemoHost.StartAsync(new() { ["Plugins:GroupwareAsMail:Default"] = "off" });

        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        var on = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--json"));
        await DemoHost.CliAsync(server, "gwmail", "auto", "--user", DemoHost.Alice);
        var back = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--json"));

        Assert.Equal(("on", "user"), (on.GetProperty("mode").GetString(), on.GetProperty("from").GetString()));
        Assert.Equal(("off", "default"), (back.GetProperty("mode").GetString(), back.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task ShowForADevice_GivesEffective_FromEachLevel()
    {
        await using var server = await DemoHost.StartAsync();
        using (await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1"))
        using (await DemoHost.PhoneAsync(server, "NEWPHONE1", "16.1", "iPhone"))
        {
        }

        var old = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--device", "OLDPHONE1", "--json"));
        var current = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--device", "NEWPHONE1", "--json"));
        await DemoHost.CliAsync(server, "gwmail", "off", "--user", DemoHost.Alice);
        var user = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--device", "OLDPHONE1", "--json"));
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice, "--device", "OLDPHONE1");
        var device = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--device", "OLDPHONE1", "--json"));

        Assert.Equal(["mode", "effective", "from"], old.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("auto", true, "default"), Triple(old));
        Assert.Equal(("auto", false, "default"), Triple(current));
        Assert.Equal(("off", false, "user"), Triple(user));
        Assert.Equal(("on", true, "device"), Triple(device));
    }

    [Fact]
    public async Task Show_WithoutJson_SaysTheValueAndWhereItComesFrom()
    {
        await using var server = await DemoHost.StartAsync();
        using (await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1"))
        {
        }

        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        var text = await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--device", "OLDPHONE1");

        Assert.StartsWith("mode: on (from user)\neffective: on", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceLevel_IsTheDeviceManagementSetting_BothWays()
    {
        await using var server = await DemoHost.StartAsync();
        using (await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1"))
        {
        }

        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice, "--device", "OLDPHONE1");
        var setting = GroupwareFolders(await DemoHost.CliAsync(server, "device", "settings", "show", "--level", "device:OLDPHONE1", "--json"));
        await DemoHost.CliAsync(server, "device", "settings", "set", "--level", "device:OLDPHONE1", "GroupwareFolders=default");
        var off = Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--device", "OLDPHONE1", "--json"));
        await DemoHost.CliAsync(server, "gwmail", "auto", "--user", DemoHost.Alice, "--device", "OLDPHONE1");
        var inherited = GroupwareFolders(await DemoHost.CliAsync(server, "device", "settings", "show", "--level", "device:OLDPHONE1", "--json"));

        Assert.Equal(("all-as-mail", "device:OLDPHONE1"), setting);
        Assert.Equal(("off", false, "device"), Triple(off));
        Assert.NotEqual("device:OLDPHONE1", inherited.From);
    }

    [Fact]
    public async Task OffForADevice_KeepsTheGroupwareFoldersItInherits()
    {
        await using var server = await DemoHost.StartAsync();
        using (await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1"))
        {
        }

        await DemoHost.CliAsync(server, "device", "settings", "set", "--level", "user:" + DemoHost.Alice, "GroupwareFolders=default");
        await DemoHost.CliAsync(server, "gwmail", "off", "--user", DemoHost.Alice, "--device", "OLDPHONE1");

        Assert.Equal(("default", "device:OLDPHONE1"), GroupwareFolders(await DemoHost.CliAsync(server, "device", "settings", "show", "--level", "device:OLDPHONE1", "--json")));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["gwmail", "on", "--user", "nobody@example.test"], "no account nobody@example.test" },
        { ["gwmail", "show", "--user", "nobody@example.test"], "no account nobody@example.test" },
        { ["gwmail", "off", "--user", DemoHost.Alice, "--device", "NOSUCH"], "has no device NOSUCH" },
        { ["gwmail", "show", "--user", DemoHost.Alice, "--device", "NOSUCH"], "has no device NOSUCH" },
        { ["gwmail", "maybe", "--user", DemoHost.Alice], "'maybe' is not on, off, auto or show" },
        { ["gwmail", "on", "--user", DemoHost.Alice, "--json"], "--json goes with show" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_IsOneLineOnStderr_NonZero_NothingChanged(string[] args, string message)
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "off", "--user", DemoHost.Alice);

        var result = await server.RunCliAsync(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Equal("off", Parse(await DemoHost.CliAsync(server, "gwmail", "show", "--user", DemoHost.Alice, "--json")).GetProperty("mode").GetString());
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static (string?, bool, string?) Triple(JsonElement shown) =>
        (shown.GetProperty("mode").GetString(), shown.GetProperty("effective").GetBoolean(), shown.GetProperty("from").GetString());

    private static (string? Value, string? From) GroupwareFolders(string json)
    {
        var setting = Parse(json).GetProperty("GroupwareFolders");
        return (setting.GetProperty("value").GetString(), setting.GetProperty("from").GetString());
    }
}
