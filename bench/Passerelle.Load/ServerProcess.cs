using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Passerelle.Testing;

namespace Passerelle.Load;

/// <summary>The real server as a process of its own on a loopback port, so that its memory is measured alone.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Resident memory now, in MB (VmRSS).</summary>
    public double ResidentMegabytes => ReadStatus("VmRSS:");

    /// <summary>The highest resident memory so far, in MB (VmHWM).</summary>
    public double PeakMegabytes => ReadStatus("VmHWM:");

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] configuration)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[TestPaths.HostAssembly, "--data", dataDirectory, "serve", "--urls", $"http://127.0.0.1:{port}", .. configuration])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Runs a <c>passerelle</c> command on a data directory, as an administrator would.</summary>
    public static async Task CliAsync(string dataDirectory, params string[] args)
    {
        var result = await PasserelleServer.RunProcessAsync(dataDirectory, args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"passerelle {string.Join(' ', args)} failed: {result.Error}");
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Options, "/Microsoft-Server-ActiveSync");
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the server did not answer within two minutes");
    }

    private double ReadStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
