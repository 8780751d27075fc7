using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DnsClient;
using Passerelle.Testing;

namespace Passerelle.Autodiscover.Tests.Infrastructure;

/// <summary>
/// Debian's dnsmasq serving a test zone on a free loopback port: started in the foreground with its own
/// configuration in a temporary folder, nothing read from /etc, killed on dispose.
/// </summary>
internal sealed class Dnsmasq : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private Dnsmasq(Process process, StringBuilder log, IPEndPoint endPoint)
    {
        _process = process;
        _log = log;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Starts dnsmasq with these configuration lines (host-record=, srv-host=, mx-host=...).</summary>
    /// <param name="zone">The records.</param>
    /// <param name="probe">A name with an A record, asked until dnsmasq answers.</param>
    public static async Task<Dnsmasq> StartAsync(IEnumerable<string> zone, string probe)
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "dnsmasq is not installed: run `apt-get install -y dnsmasq` (the discovery tests serve their DNS zone with it; .ci/run installs it).");
        var folder = TestPaths.NewTemporaryDirectory("dnsmasq");
        var config = Path.Combine(folder, "dnsmasq.conf");
        await File.WriteAllLinesAsync(config, zone);

        for (var attempt = 1; ; attempt++)
        {
            var endPoint = new IPEndPoint(IPAddress.Loopback, FreeUdpPort());
            var log = new StringBuilder();
            var process = Start(executable, config, endPoint.Port, log);
            if (await WaitUntilAnsweringAsync(process, endPoint, probe))
            {
                return new Dnsmasq(process, log, endPoint);
            }

            await StopAsync(process);
            if (attempt == 3)
            {
                throw new InvalidOperationException($"dnsmasq did not start on {endPoint}: {log}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(_process);

    public override string ToString() => $"dnsmasq on {EndPoint}: {_log}";

    private static string? Find() =>
        new[] { "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, "dnsmasq")))
            .FirstOrDefault(File.Exists);

    private static Process Start(string executable, string config, int port, StringBuilder log)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll", "--bind-interfaces",
            "--listen-address=127.0.0.1", $"--port={port}", $"--conf-file={config}", "--pid-file=", "--log-facility=-", "--cache-size=0"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
        process.OutputDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task<bool> WaitUntilAnsweringAsync(Process process, IPEndPoint endPoint, string probe)
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(endPoint)) { UseCache = false, Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 });
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
        {
            try
            {
                var response = await client.QueryAsync(probe, QueryType.A);
                if (response.Answers.ARecords().Any())
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is DnsResponseException or SocketException or IOException)
            {
                // not listening yet
            }
        }

        return false;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
