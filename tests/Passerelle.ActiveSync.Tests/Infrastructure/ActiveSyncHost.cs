using System.Reflection;
using Microsoft.Data.Sqlite;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Infrastructure;

/// <summary>
/// The real host with the ActiveSync plugin and a store, on a loopback port: what the HTTP tests talk to.
/// Until the embedded store lands this uses the ConfiguredAccounts test store (accounts only).
/// </summary>
internal static class ActiveSyncHost
{
    public const string Password = "correct horse battery staple";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";

    private static readonly Lazy<string> Plugins = new(CreatePluginsFolder);

    public static Task<PasserelleServer> StartAsync(Dictionary<string, string?>? configuration = null, string? dataDirectory = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>(configuration ?? [], StringComparer.OrdinalIgnoreCase);
        AddAccount(values, 0, Alice, "Alice Example");
        AddAccount(values, 1, Bob, "Bob Example");
        return PasserelleServer.StartAsync(values, dataDirectory, Plugins.Value, configureServices);
    }

    /// <summary>Reads a value straight from the plugin's state database, as an administrator's query would.</summary>
    public static async Task<object?> QueryStateAsync(PasserelleServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "activesync.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    private static void AddAccount(Dictionary<string, string?> configuration, int index, string address, string name)
    {
        configuration[$"Plugins:ConfiguredAccounts:Accounts:{index}:Address"] = address;
        configuration[$"Plugins:ConfiguredAccounts:Accounts:{index}:Password"] = Password;
        configuration[$"Plugins:ConfiguredAccounts:Accounts:{index}:DisplayName"] = name;
    }

    private static string CreatePluginsFolder()
    {
        var stores = typeof(ActiveSyncHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "StorePluginsDirectory").Value!;
        var folder = TestPaths.NewTemporaryDirectory("plugins");
        Directory.CreateSymbolicLink(Path.Combine(folder, "ActiveSync"), Path.Combine(TestPaths.PluginsDirectory, "ActiveSync"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "ConfiguredAccounts"), Path.Combine(stores, "ConfiguredAccounts"));
        return folder;
    }
}
