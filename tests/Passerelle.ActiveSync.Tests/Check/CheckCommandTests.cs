using System.Net;
using System.Net.Sockets;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Check;

/// <summary><c>passerelle check</c> against the running host: success, and the exact cause of each failure.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public async Task Check_AgainstTheRunningHost_PassesEveryStep()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1)]);

        var result = await CheckAsync(server, ActiveSyncHost.Password, "--url", server.BaseAddress.ToString());

        Assert.Equal(0, result.ExitCode);
        foreach (var step in new[] { "OPTIONS", "Provision", "FolderSync", "Sync", "Ping" })
        {
            Assert.Contains($"ok    {step}:", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("1 messages in a first window", result.Output, StringComparison.Ordinal);
        Assert.Contains("heartbeats from 60 s", result.Output, StringComparison.Ordinal);
        Assert.Contains("Everything a phone needs works.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithAWrongPassword_SaysSo()
    {
        await using var server = await ActiveSyncHost.StartAsync();

        var result = await CheckAsync(server, "not the password", "--url", server.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: the check failed at Provision: HTTP 401: wrong login or password for bob@example.test", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AsABlockedDevice_NamesTheBlockAndTheFix()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        Assert.Equal(0, (await CheckAsync(server, ActiveSyncHost.Password, "--url", server.BaseAddress.ToString(), "--device-id", "CHECKME")).ExitCode);
        await ActiveSyncHost.CliAsync(server, "device", "block", "CHECKME");

        var result = await CheckAsync(server, ActiveSyncHost.Password, "--url", server.BaseAddress.ToString(), "--device-id", "CHECKME");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Status 129: the device CHECKME is blocked for bob@example.test", result.Output, StringComparison.Ordinal);
        Assert.Contains("passerelle device allow CHECKME --user bob@example.test", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OfAPathThatIsNotActiveSync_PointsAtTheRewriteRule()
    {
        await using var server = await ActiveSyncHost.StartAsync();

        var result = await CheckAsync(server, ActiveSyncHost.Password, "--url", new Uri(server.BaseAddress, "/exchange/sync").ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL  OPTIONS:", result.Output, StringComparison.Ordinal);
        Assert.Contains("rewrite rule", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OfAClosedPort_SaysNothingListens()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CheckAsync(server, ActiveSyncHost.Password, "--url", $"http://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"nothing listens on port {port}", result.Output, StringComparison.Ordinal);
    }

    private static Task<CliResult> CheckAsync(PasserelleServer server, string password, params string[] args) =>
        PasserelleServer.RunProcessWithInputAsync(server.DataDirectory, password, ["check", ActiveSyncHost.Bob, "--password-stdin", .. args]);
}
