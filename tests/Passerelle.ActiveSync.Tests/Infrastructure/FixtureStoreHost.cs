using Microsoft.Data.Sqlite;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Infrastructure;

/// <summary>
/// The real host with the ActiveSync plugin and the ConfiguredAccounts test store (accounts from configuration,
/// an optional in-memory mail store): for tests that need accounts the embedded store cannot make (admins of
/// several domains) or a store whose content they set in code.
/// </summary>
internal static class FixtureStoreHost
{
    private const string Password = ActiveSyncHost.Password;
    private const string Alice = ActiveSyncHost.Alice;
    private const string Bob = ActiveSyncHost.Bob;

    private static readonly Lazy<string> Plugins = new(CreatePluginsFolder);

    public static Task<PasserelleServer> StartAsync(Dictionary<string, string?>? configuration = null, string? dataDirectory = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>(configuration ?? [], StringComparer.OrdinalIgnoreCase);
        AddAccount(values, 0, Alice, "Alice Example");
        AddAccount(values, 1, Bob, "Bob Example");
        return PasserelleServer.StartAsync(values, dataDirectory, Plugins.Value, configureServices);
    }

    private static void AddAccount(Dictionary<string, string?> configuration, int index, string address, string name)
    {
        configuration[$"Plugins:ConfiguredAccounts:Accounts:{index}:Address"] = address;
        configuration[$"Plugins:ConfiguredAccounts:Accounts:{index}:Password"] = Password;
        configuration[$"Plugins:ConfiguredAccounts:Accounts:{index}:DisplayName"] = name;
    }

    private static string CreatePluginsFolder() =>
        TestPaths.PluginsFolderWith(typeof(ActiveSyncHost).Assembly, "StorePluginsDirectory", ["ActiveSync"], ["ConfiguredAccounts"]);
}
