using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;
using Passerelle.Sdk.Tests;
using Passerelle.Store.Sqlite.Accounts;
using Passerelle.Testing;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>The store as the plugin registers it, on a fresh data directory, without the web host.</summary>
internal sealed class SqliteHarness : IStoreHarness
{
    private readonly ServiceProvider _services;

    private SqliteHarness(ServiceProvider services, string dataDirectory)
    {
        _services = services;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _services;

    public IAccountDirectory Accounts => _services.GetRequiredService<IAccountDirectory>();

    public IMailStore Mail => _services.GetRequiredService<IMailStore>();

    public IGroupwareStore Groupware => _services.GetRequiredService<IGroupwareStore>();

    public IChangeFeed Feed => _services.GetRequiredService<IChangeFeed>();

    public AccountAdministration Administration => _services.GetRequiredService<AccountAdministration>();

    public string Domain => "example.test";

    /// <summary>Builds the store's services on a data directory (a new one by default).</summary>
    public static async Task<SqliteHarness> CreateAsync(
        string? dataDirectory = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? configuration = null,
        bool addDomain = true,
        bool fastPasswordHashing = true)
    {
        dataDirectory ??= TestPaths.NewTemporaryDirectory("store");
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddLogging();
        var environment = new HostingEnvironment { ApplicationName = "tests", EnvironmentName = Environments.Development, ContentRootFileProvider = new NullFileProvider() };
        new StoreSqlitePlugin().ConfigureServices(services, new PluginContext("Store.Sqlite", config.GetSection("Plugins:Store.Sqlite"), config, dataDirectory, environment));
        if (fastPasswordHashing)
        {
            // Below the product's minimum, which configuration cannot set: these tests are about behaviour, and
            // PasswordHashingTests checks the real count. Over HTTP the plugin runs with its real settings.
            var options = (StoreSqliteOptions)services.Single(d => d.ServiceType == typeof(StoreSqliteOptions)).ImplementationInstance!;
            options.PasswordIterations = 1_000;
        }

        var harness = new SqliteHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), dataDirectory);
        if (addDomain && (await harness.Accounts.ListDomainsAsync(CancellationToken.None)).Count == 0)
        {
            await harness.Administration.AddDomainAsync(harness.Domain, CancellationToken.None);
        }

        return harness;
    }

    public async Task<string> CreateAccountAsync(string localPart, string? password = null, string? displayName = null) =>
        (await Administration.AddAccountAsync($"{localPart}@{Domain}", password, displayName, isAdmin: false, CancellationToken.None)).Id;

    public Task SetPasswordAsync(string accountId, string password) => Administration.SetPasswordAsync(accountId, password, CancellationToken.None);

    public Task RemoveAccountAsync(string accountId) => Administration.RemoveAccountAsync(accountId, CancellationToken.None);

    public Task ShareGroupwareFolderAsync(string ownerId, string folderId, string granteeId, FolderAccess access) =>
        _services.GetRequiredService<Groupware.GroupwareSharing>().ShareAsync(ownerId, folderId, granteeId, access, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
