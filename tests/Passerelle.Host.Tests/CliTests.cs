using Passerelle.Testing;

namespace Passerelle.Host.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Help_ListsTheHostCommands()
    {
        var result = await PasserelleServer.RunCliAsync(TestPaths.NewTemporaryDirectory("cli"), null, null, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("serve", result.Output, StringComparison.Ordinal);
        Assert.Contains("plugins", result.Output, StringComparison.Ordinal);
        Assert.Contains("--data", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithAnErrorOnStandardError()
    {
        var result = await PasserelleServer.RunCliAsync(TestPaths.NewTemporaryDirectory("cli"), null, null, "frobnicate");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DataOption_BeforeOrAfterTheCommand_ChoosesTheDataDirectory(bool before)
    {
        var data = TestPaths.NewTemporaryDirectory("cli");
        await File.WriteAllTextAsync(Path.Combine(data, "appsettings.json"), """{ "Plugins": { "GAL": { "Enabled": false } } }""");
        string[] args = before ? ["--data", data, "plugins", "list"] : ["plugins", "list", "--data", data];

        var result = await PasserelleServer.RunCliAsync("", null, null, args);

        var gal = result.Ok().Split('\n').Single(line => line.StartsWith("GAL", StringComparison.Ordinal));
        Assert.Contains("disabled", gal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationOnTheCommandLine_TurnsAPluginOff()
    {
        var result = await PasserelleServer.RunCliAsync(TestPaths.NewTemporaryDirectory("cli"), null, null, "plugins", "list", "--Plugins:GAL:Enabled=false");

        Assert.Contains("disabled", result.Ok().Split('\n').Single(line => line.StartsWith("GAL", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_RunsAsTheCommandPasserelle()
    {
        var result = await PasserelleServer.RunProcessAsync(TestPaths.NewTemporaryDirectory("cli"), "plugins", "list");

        Assert.Contains("ActiveSync", result.Ok(), StringComparison.Ordinal);
    }
}
