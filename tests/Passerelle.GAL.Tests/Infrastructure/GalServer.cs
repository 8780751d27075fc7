using System.Text.Json;
using System.Text.Json.Serialization;
using Fixtures.ConfiguredStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Directory;
using Passerelle.Testing;

namespace Passerelle.GAL.Tests.Infrastructure;

/// <summary>
/// The real host with the GAL plugin and the test store, whose data is in the data directory's appsettings.json:
/// rewriting it is how another process changes the directory. Plugin types live in the host's load contexts, so
/// the GAL is reached through <see cref="IGalProvider"/> only.
/// </summary>
internal sealed class GalServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    private GalServer(PasserelleServer server) => Server = server;

    public PasserelleServer Server { get; }

    public string DataDirectory => Server.DataDirectory;

    public IGalProvider Gal => Server.Services.GetRequiredService<IGalProvider>();

    public static async Task<GalServer> StartAsync(StoreData data, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var dataDirectory = TestPaths.NewTemporaryDirectory("data");
        await WriteStoreAsync(dataDirectory, data);
        return new GalServer(await PasserelleServer.StartAsync(configuration, dataDirectory, TestPlugins.Directory));
    }

    /// <summary>Writes the store's data where the server and the command line read it.</summary>
    public static Task WriteStoreAsync(string dataDirectory, StoreData data) =>
        File.WriteAllTextAsync(
            Path.Combine(dataDirectory, "appsettings.json"),
            JsonSerializer.Serialize(new { Plugins = new { ConfiguredStore = data } }, Json));

    public Task WriteStoreAsync(StoreData data) => WriteStoreAsync(DataDirectory, data);

    public Task<CliResult> RunCliAsync(params string[] args) => Server.RunCliAsync(args);

    public async Task<IReadOnlyList<string>> NamesAsync(string accountId, string text) =>
        (await Gal.SearchAsync(accountId, new GalQuery(text, 0, 100), CancellationToken.None)).Entries.Select(entry => entry.DisplayName).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left to the system's temporary folder clean-up
        }
    }
}
