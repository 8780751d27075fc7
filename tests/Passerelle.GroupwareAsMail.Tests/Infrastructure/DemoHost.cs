using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;

namespace Passerelle.GroupwareAsMail.Tests.Infrastructure;

/// <summary>
/// The real host with every plugin on a loopback port and the demo data (alice, bob, a note with a file, a
/// task, a file). The demo is seeded once per run into a template data directory and copied for each test.
/// </summary>
internal static class DemoHost
{
    public const string Alice = "alice@example.test";
    public const string Password = "alice-demo";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static async Task<PasserelleServer> StartAsync(Dictionary<string, string?>? configuration = null)
    {
        var copy = TestPaths.NewTemporaryDirectory("data");
        Copy(await Template.Value, copy);
        return await PasserelleServer.StartAsync(configuration, copy);
    }

    /// <summary>A phone of alice's, set up (provisioned, folders synced).</summary>
    public static async Task<EasPhone> PhoneAsync(PasserelleServer server, string deviceId, string version, string deviceType = "SAMSUNGSMG900")
    {
        var phone = new EasPhone(server, Alice, Password, deviceId, deviceType, version);
        await phone.SetupAsync();
        return phone;
    }

    public static async Task<string> CliAsync(PasserelleServer server, params string[] args) => (await server.RunCliAsync(args)).Ok();

    /// <summary>The groupware store of the running server, as any other plugin sees it.</summary>
    public static IGroupwareStore Store(PasserelleServer server) => server.Services.GetServices<IGroupwareStore>().Last();

    public static async Task<GroupwareFolder> DefaultFolderAsync(PasserelleServer server, GroupwareKind kind) =>
        (await Store(server).GetFoldersAsync(Alice, CancellationToken.None)).Single(f => f.Kind == kind && f.Role == GroupwareFolderRole.Default);

    public static async Task<GroupwareItem> OnlyItemAsync(PasserelleServer server, GroupwareKind kind)
    {
        var folder = await DefaultFolderAsync(server, kind);
        return (await Store(server).GetChangesAsync(Alice, folder.Id, null, 100, CancellationToken.None)).Changed.Single();
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var template = TestPaths.NewTemporaryDirectory("template");
        await using (await PasserelleServer.StartAsync(dataDirectory: template, demo: true))
        {
        }

        SqliteConnection.ClearAllPools(); // closes the files so that the copies are complete
        return template;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
