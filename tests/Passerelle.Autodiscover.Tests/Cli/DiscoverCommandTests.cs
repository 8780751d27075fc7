using System.Diagnostics;
using Passerelle.Autodiscover.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Autodiscover.Tests.Cli;

/// <summary><c>passerelle discover</c>, as an administrator runs it: the built executable, the password on standard input.</summary>
[Collection(DiscoveryNetworkCollection.Name)]
public sealed class DiscoverCommandTests(DiscoveryNetwork network)
{
    [Fact]
    public async Task Discover_PasswordOnStandardInput_PrintsEachAttemptAndTheEndpoint()
    {
        var result = await RunAsync(TestAccounts.Password, "discover", "alice@mx.test", "--password-stdin", "--insecure");

        var lines = result.Ok().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Discovering the ActiveSync endpoint of alice@mx.test", lines[0]);
        Assert.Matches(@"^POST https://autodiscover\.mx\.test/autodiscover/autodiscover\.xml -> name not found \(\d+ ms\)$", lines[1]);
        Assert.Matches(@"^MX   mx\.test -> mx1\.mx\.test, mx2\.mx\.test, mx3\.mx\.test \(\d+ ms\)$", lines[5]);
        Assert.Matches(@"^POST https://mx1\.mx\.test/autodiscover/autodiscover\.xml -> connection refused \(\d+ ms\)$", lines[6]);
        Assert.Matches(@"^POST https://mx2\.mx\.test/autodiscover/autodiscover\.xml -> found https://mail\.first\.test/Microsoft-Server-ActiveSync \(\d+ ms\)$", lines[7]);
        Assert.Equal("ActiveSync endpoint: https://mail.first.test/Microsoft-Server-ActiveSync", lines[8]);
        Assert.Equal("User: Alice Martin <alice@mx.test>", lines[9]);
    }

    [Fact]
    public async Task Discover_WithoutInsecure_ReportsTheUntrustedCertificateAndFails()
    {
        var result = await RunAsync(TestAccounts.Password, "discover", "alice@first.test", "--password-stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("https://autodiscover.first.test/autodiscover/autodiscover.xml -> certificate not trusted", result.Output, StringComparison.Ordinal);
        Assert.Equal("error: no ActiveSync endpoint found for alice@first.test", result.Error.Trim());
    }

    [Fact]
    public async Task Discover_WrongPassword_FailsSayingWhoRefusedIt()
    {
        var result = await RunAsync("not the password", "discover", "carol@first.test", "--password-stdin", "--insecure");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("-> credentials refused (HTTP 401)", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("error: no ActiveSync endpoint found for carol@first.test; the password was refused by autodiscover.first.test", result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_EmptyStandardInput_FailsWithoutTryingAnything()
    {
        var result = await RunAsync("", "discover", "alice@first.test", "--password-stdin");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --password-stdin: standard input has no password line", result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("not-an-address", "error: 'not-an-address' is not an email address")]
    [InlineData("alice@first.test --dns 127.0.0.1:99999", "error: --dns 127.0.0.1:99999: the port is not a number from 1 to 65535")]
    [InlineData("alice@first.test --connect-to 127.0.0.1=127.0.0.1:8443", "error: --connect-to 127.0.0.1=127.0.0.1:8443: expected ADDRESS:PORT=ADDRESS:PORT, e.g. 192.0.2.10:443=127.0.0.1:8443")]
    public async Task Discover_BadArgument_FailsWithOneClearLine(string arguments, string error)
    {
        var result = await PasserelleServer.RunCliAsync(TestPaths.NewTemporaryDirectory("cli"), null, TestPlugins.Directory, ["discover", .. arguments.Split(' ')]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.Error.Trim());
    }

    /// <summary>Runs the built <c>passerelle</c> with the password written to its standard input.</summary>
    private async Task<CliResult> RunAsync(string standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(TestPaths.HostAssembly);
        foreach (var arg in args.Concat(["--data", TestPaths.NewTemporaryDirectory("cli"), "--dns", network.Dns.EndPoint.ToString()]).Concat(network.ConnectToArguments()))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
