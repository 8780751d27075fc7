using Microsoft.Extensions.DependencyInjection;
using Passerelle.Testing;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>
/// The real host with two plugins: the built Store.Sqlite folder and the WhoAmI fixture (a route behind the
/// host's sign-in), linked into one plugins folder made once per test run.
/// </summary>
internal static class StoreServer
{
    private static readonly Lazy<string> Folder = new(MakeFolder);

    public static string PluginsDirectory => Folder.Value;

    public static Task<PasserelleServer> StartAsync(
        string? dataDirectory = null,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        bool demo = false,
        TextWriter? output = null) =>
        PasserelleServer.StartAsync(configuration, dataDirectory, PluginsDirectory, configureServices, demo, output: output);

    public static Task<CliResult> RunCliAsync(string dataDirectory, params string[] args) =>
        PasserelleServer.RunCliAsync(dataDirectory, null, PluginsDirectory, args);

    private static string MakeFolder() =>
        TestPaths.PluginsFolderWith(typeof(StoreServer).Assembly, "FixturePluginsDirectory", ["Store.Sqlite"], ["WhoAmI"]);
}
