using System.Text.Json;
using Passerelle.Testing;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>The account commands, in process, on a fresh data directory.</summary>
public sealed class AccountCliTests
{
    private readonly string _data = TestPaths.NewTemporaryDirectory("cli");

    [Fact]
    public async Task DomainAddAndList_ShowTheDomainInLowerCase()
    {
        Assert.Equal(0, (await Cli("domain", "add", "Example.TEST")).ExitCode);
        await Cli("domain", "add", "b.example");

        Assert.Equal(["b.example", "example.test"], (await Cli("domain", "list")).Ok().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(["b.example", "example.test"], JsonSerializer.Deserialize<string[]>((await Cli("domain", "list", "--json")).Ok())!);
    }

    [Fact]
    public async Task DomainAdd_Twice_FailsWithOneLineAndExitOne()
    {
        await Cli("domain", "add", "example.test");

        var again = await Cli("domain", "add", "example.test");

        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: The domain example.test exists already.", again.Error.Trim());
    }

    [Fact]
    public async Task UserAdd_WithoutItsDomain_FailsAndAddsNothing()
    {
        var result = await Cli("user", "add", "alice@nowhere.test", "--password", "pw");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("passerelle domain add nowhere.test", result.Error, StringComparison.Ordinal);
        Assert.Equal("", (await Cli("domain", "list")).Ok().Trim());
        Assert.Equal("[]", (await Cli("user", "list", "--json")).Ok().Trim());
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("two@@example.test")]
    [InlineData("spaces in@example.test")]
    public async Task UserAdd_BadAddress_FailsWithOneLine(string address)
    {
        await Cli("domain", "add", "example.test");

        var result = await Cli("user", "add", address, "--password", "pw");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task UserAddListPasswdRemove_WorkTogether()
    {
        await Cli("domain", "add", "example.test");

        (await Cli("user", "add", "Alice@Example.test", "--password", "pw1", "--name", "Alice Liddell")).Ok();
        (await Cli("user", "add", "bob@example.test", "--password", "pw2")).Ok();
        var list = (await Cli("user", "list")).Ok();
        var json = JsonDocument.Parse((await Cli("user", "list", "--json")).Ok()).RootElement;
        (await Cli("user", "passwd", "bob@example.test", "--password", "pw3")).Ok();
        (await Cli("user", "remove", "alice@example.test")).Ok();
        var after = JsonDocument.Parse((await Cli("user", "list", "--json")).Ok()).RootElement;

        Assert.Contains("alice@example.test\tAlice Liddell", list, StringComparison.Ordinal);
        Assert.Equal(["alice@example.test", "bob@example.test"], json.EnumerateArray().Select(a => a.GetProperty("address").GetString()));
        Assert.Equal("bob", json[1].GetProperty("name").GetString());
        Assert.Equal(["bob@example.test"], after.EnumerateArray().Select(a => a.GetProperty("address").GetString()));
    }

    [Theory]
    [InlineData("user", "passwd", "ghost@example.test", "--password", "x")]
    [InlineData("user", "remove", "ghost@example.test")]
    public async Task UnknownUser_FailsWithOneLine(params string[] args)
    {
        await Cli("domain", "add", "example.test");

        var result = await Cli(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: There is no account ghost@example.test.", result.Error.Trim());
    }

    [Fact]
    public async Task UserAdd_WithoutPassword_IsAUsageError()
    {
        await Cli("domain", "add", "example.test");

        var result = await Cli("user", "add", "alice@example.test");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--password", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("domain", "add")]
    [InlineData("user")]
    [InlineData("user", "add")]
    [InlineData("user", "list")]
    [InlineData("user", "passwd")]
    [InlineData("user", "remove")]
    public async Task Help_IsThereEverywhere(params string[] command)
    {
        var result = await Cli([.. command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    private Task<CliResult> Cli(params string[] args) => StoreServer.RunCliAsync(_data, args);
}
