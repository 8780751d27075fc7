using Microsoft.Data.Sqlite;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Infrastructure;

/// <summary>
/// The real host with every plugin and the embedded store, on a loopback port, with alice and bob of
/// example.test created through the CLI: what the HTTP tests talk to. The accounts are made once per
/// run in a template data directory (password hashing is slow on purpose) and copied for each test.
/// </summary>
internal static class ActiveSyncHost
{
    public const string Password = "correct horse battery staple";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static async Task<PasserelleServer> StartAsync(Dictionary<string, string?>? configuration = null, string? dataDirectory = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        dataDirectory ??= await NewDataDirectoryAsync();
        return await PasserelleServer.StartAsync(configuration, dataDirectory, configureServices: configureServices);
    }

    /// <summary>A data directory holding the two accounts and nothing else.</summary>
    public static async Task<string> NewDataDirectoryAsync()
    {
        var template = await Template.Value;
        var copy = TestPaths.NewTemporaryDirectory("data");
        foreach (var file in Directory.GetFiles(template))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    /// <summary>Runs a <c>passerelle</c> command on the server's data directory, as an administrator would.</summary>
    public static async Task<string> CliAsync(PasserelleServer server, params string[] args) => (await server.RunCliAsync(args)).Ok();

    /// <summary>Delivers .eml messages into an account's folder with <c>passerelle mail import</c>.</summary>
    public static async Task ImportAsync(PasserelleServer server, string user, IEnumerable<string> messages, string? folder = null)
    {
        var directory = TestPaths.NewTemporaryDirectory("mail");
        var files = messages.Select((text, i) =>
        {
            var path = Path.Combine(directory, $"{i:D6}.eml");
            File.WriteAllText(path, text.ReplaceLineEndings("\r\n"));
            return path;
        }).ToList();
        string[] args = folder is null ? ["mail", "import", "--user", user, .. files] : ["mail", "import", "--user", user, "--folder", folder, .. files];
        await CliAsync(server, args);
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

    private static async Task<string> CreateTemplateAsync()
    {
        var template = TestPaths.NewTemporaryDirectory("template");
        await Run(template, "domain", "add", "example.test");
        await Run(template, "user", "add", Alice, "--password", Password, "--name", "Alice Example");
        await Run(template, "user", "add", Bob, "--password", Password, "--name", "Bob Example");
        SqliteConnection.ClearAllPools(); // closes the files so that the copies are complete
        return template;
    }

    private static async Task Run(string data, params string[] args) =>
        (await PasserelleServer.RunCliAsync(data, null, null, args)).Ok();
}
