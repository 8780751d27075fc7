using Fixtures.ConfiguredStore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Passerelle.GAL.Flags;
using Passerelle.GAL.Sources;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Directory;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;

namespace Passerelle.GAL.Tests.Infrastructure;

/// <summary>
/// The GAL plugin's services over the test store, in this process, on a fake clock: what the host would build,
/// without HTTP. Flagged folders are flagged before the first search.
/// </summary>
internal sealed class GalHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _dataDirectory;

    private GalHarness(StoreData data, GalOptions options, bool withFeed)
    {
        Data = data;
        Options = options;
        _dataDirectory = TestPaths.NewTemporaryDirectory("gal");
        Directory = new ConfiguredDirectory(() => Data);
        Groupware = new MemoryGroupware(data, Feed, Time);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IAccountDirectory>(Directory);
        services.AddSingleton<IGroupwareStore>(Groupware);
        if (withFeed)
        {
            services.AddSingleton<IChangeFeed>(Feed);
        }

        services.AddGal(options, Path.Combine(_dataDirectory, "gal.db"));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public StoreData Data { get; }

    public GalOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public ConfiguredDirectory Directory { get; }

    public MemoryChangeFeed Feed { get; } = new();

    public MemoryGroupware Groupware { get; }

    public IGalProvider Gal => _services.GetRequiredService<IGalProvider>();

    public GalSources Sources => _services.GetRequiredService<GalSources>();

    public GalFlagStore Flags => _services.GetRequiredService<GalFlagStore>();

    public string FlagFile => Path.Combine(_dataDirectory, "gal.db");

    /// <param name="withFeed">Whether the store's change feed is registered; without it the GAL can only poll.</param>
    public static async Task<GalHarness> StartAsync(StoreData data, string[]? flagged = null, Action<GalOptions>? configure = null, bool withFeed = true)
    {
        var options = new GalOptions();
        configure?.Invoke(options);
        var harness = new GalHarness(data, options, withFeed);
        foreach (var folderId in flagged ?? [])
        {
            var folder = data.Folders.Single(f => f.Id == folderId);
            await harness.Flags.AddAsync(folder.Owner.ToLowerInvariant(), folder.Id, $"{folder.Owner}/{folder.Name}", CancellationToken.None);
        }

        return harness;
    }

    public Task<GalSearchResult> SearchAsync(string accountId, string text, int offset = 0, int limit = 100, GalPictureOptions? pictures = null) =>
        Gal.SearchAsync(accountId, new GalQuery(text, offset, limit) { Pictures = pictures }, CancellationToken.None);

    public async Task<IReadOnlyList<string>> NamesAsync(string accountId, string text) =>
        (await SearchAsync(accountId, text)).Entries.Select(entry => entry.DisplayName).ToList();

    public Task<IReadOnlyList<GalEntry>> ResolveAsync(string accountId, string text) => Gal.ResolveAsync(accountId, text, CancellationToken.None);

    /// <summary>Lets cached values (directory, flags, folder lists) age past the point where a search reads them again before answering.</summary>
    public void AgeCaches() => Time.Advance(Options.RefreshInterval * 2 + TimeSpan.FromMilliseconds(1));

    /// <summary>Says the directory's data was edited in place.</summary>
    public void DirectoryChanged() => Data.Version++;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left to the system's temporary folder clean-up
        }
    }
}
