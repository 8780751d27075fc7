using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Host.Cli;
using Passerelle.Host.Serving;

namespace Passerelle.Testing;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 on a free port, with a temporary data directory, real SQLite
/// files and the plugins the build laid out. What a phone talks to in tests.
/// </summary>
public sealed class PasserelleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsData;

    private PasserelleServer(WebApplication app, string dataDirectory, bool ownsData, IReadOnlyDictionary<string, string?> configuration, string pluginsDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsData = ownsData;
        Configuration = configuration;
        PluginsDirectory = pluginsDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The data directory the server and the CLI share.</summary>
    public string DataDirectory { get; }

    /// <summary>The configuration the server was started with.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; }

    /// <summary>The plugins folder the server loaded from.</summary>
    public string PluginsDirectory { get; }

    /// <summary>The server's services (plugin types come from other load contexts: use SDK types only).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server.</summary>
    /// <param name="configuration">Configuration values, e.g. <c>["Plugins:GAL:Enabled"] = "false"</c>.</param>
    /// <param name="dataDirectory">An existing data directory to reuse (a restart), or <see langword="null"/> for a new one.</param>
    /// <param name="pluginsDirectory">Another plugins folder (test plugins), or <see langword="null"/> for the built host's.</param>
    /// <param name="configureServices">Replaces services after the plugins registered theirs, e.g. a fake clock.</param>
    /// <param name="demo">Whether to seed the demo data.</param>
    /// <param name="urls">Where to listen; plain HTTP on a free loopback port by default.</param>
    /// <param name="output">Where the host prints what an operator would see (certificate fingerprint, demo passwords).</param>
    public static async Task<PasserelleServer> StartAsync(
        IReadOnlyDictionary<string, string?>? configuration = null,
        string? dataDirectory = null,
        string? pluginsDirectory = null,
        Action<IServiceCollection>? configureServices = null,
        bool demo = false,
        string urls = "http://127.0.0.1:0",
        TextWriter? output = null)
    {
        var ownsData = dataDirectory is null;
        dataDirectory ??= TestPaths.NewTemporaryDirectory("data");
        var values = Defaults(configuration);
        var settings = new HostSettings
        {
            DataDirectory = dataDirectory,
            PluginsDirectory = pluginsDirectory ?? TestPaths.PluginsDirectory,
            ConfigurationOverrides = values,
            ConfigureServices = configureServices,
        };
        var app = PasserelleWebHost.Build(settings, new ServeOptions(urls, demo), output ?? TextWriter.Null);
        if (demo)
        {
            await PasserelleWebHost.SeedDemoAsync(app.Services, output ?? TextWriter.Null, CancellationToken.None);
        }

        await app.StartAsync();
        return new PasserelleServer(app, dataDirectory, ownsData, values, settings.PluginsDirectory);
    }

    /// <summary>An HTTP client for the server, optionally with Basic credentials.</summary>
    public HttpClient CreateClient(string? login = null, string? password = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (login is not null)
        {
            client.DefaultRequestHeaders.Authorization = BasicAuthorization(login, password ?? "");
        }

        return client;
    }

    /// <summary>A Basic authorization header.</summary>
    public static AuthenticationHeaderValue BasicAuthorization(string login, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login}:{password}")));

    /// <summary>Runs a <c>passerelle</c> command in this process, on the server's data directory and configuration.</summary>
    public Task<CliResult> RunCliAsync(params string[] args) => RunCliAsync(DataDirectory, Configuration, PluginsDirectory, args);

    /// <summary>Runs a <c>passerelle</c> command in this process.</summary>
    public static async Task<CliResult> RunCliAsync(string dataDirectory, IReadOnlyDictionary<string, string?>? configuration, string? pluginsDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var defaults = new HostSettings
        {
            DataDirectory = dataDirectory,
            PluginsDirectory = pluginsDirectory ?? TestPaths.PluginsDirectory,
            ConfigurationOverrides = Defaults(configuration),
        };
        var code = await PasserelleCli.RunAsync(args, output, error, defaults);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built <c>passerelle</c> executable as a separate process.</summary>
    public static Task<CliResult> RunProcessAsync(string dataDirectory, params string[] args) => RunProcessWithInputAsync(dataDirectory, null, args);

    /// <summary>Runs the CLI as a separate process with a first line of standard input (a password for <c>--password-stdin</c>).</summary>
    public static async Task<CliResult> RunProcessWithInputAsync(string dataDirectory, string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(TestPaths.HostAssembly);
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataDirectory);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // a file still open by a background task; the temporary folder is cleaned by the system
            }
        }
    }

    private static Dictionary<string, string?> Defaults(IReadOnlyDictionary<string, string?>? configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Security:SignIn:FailureDelay"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}
