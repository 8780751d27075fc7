using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Sdk.Mail;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Devices;

/// <summary>
/// The server for device-management tests: Alice and Bob, an administrator, Carol of another domain, and an
/// in-memory mail store whose Inboxes receive the notices; Alice also has the folders Projects and Archive.
/// </summary>
internal static class DeviceHost
{
    public const string AdminUser = "admin@example.test";
    public const string Carol = "carol@other.test";
    public const string Password = ActiveSyncHost.Password;

    public static Task<PasserelleServer> StartAsync(Dictionary<string, string?>? configuration = null, Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>(configuration ?? [], StringComparer.OrdinalIgnoreCase)
        {
            ["Plugins:ConfiguredAccounts:MailStore"] = "true",
            ["Plugins:ConfiguredAccounts:Accounts:0:Folders:0"] = "Projects",
            ["Plugins:ConfiguredAccounts:Accounts:0:Folders:1"] = "Archive",
            ["Plugins:ConfiguredAccounts:Accounts:2:Address"] = AdminUser,
            ["Plugins:ConfiguredAccounts:Accounts:2:Password"] = Password,
            ["Plugins:ConfiguredAccounts:Accounts:2:Admin"] = "true",
            ["Plugins:ConfiguredAccounts:Accounts:3:Address"] = Carol,
            ["Plugins:ConfiguredAccounts:Accounts:3:Password"] = Password,
        };
        foreach (var (key, value) in configuration ?? [])
        {
            values[key] = value;
        }

        return FixtureStoreHost.StartAsync(values, configureServices: configureServices);
    }

    /// <summary>A phone of an account: plain query, the given type, version and user agent.</summary>
    public static EasClient Phone(PasserelleServer server, string user, string deviceId, string deviceType = "iPhone", string version = "16.1") =>
        new(server, user, Password, deviceId, deviceType, version);

    /// <summary>Runs a CLI command that must succeed.</summary>
    public static async Task<string> CliAsync(PasserelleServer server, params string[] args) => (await server.RunCliAsync(args)).Ok();

    /// <summary>The subjects of the messages in an account's Inbox, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> InboxSubjectsAsync(PasserelleServer server, string accountId)
    {
        var store = server.Services.GetServices<IMailStore>().Last();
        var inbox = (await store.GetFoldersAsync(accountId, CancellationToken.None)).Single(f => f.Role == MailFolderRole.Inbox);
        var changes = await store.GetChangesAsync(accountId, inbox.Id, null, 1000, CancellationToken.None);
        var subjects = new List<string>();
        foreach (var message in changes.Changed)
        {
            await using var mime = await store.OpenMessageAsync(accountId, inbox.Id, message.Id, CancellationToken.None);
            subjects.Add((await MimeMessage.LoadAsync(mime)).Subject ?? "");
        }

        return subjects;
    }

    /// <summary>The display names FolderSync gave, from key 0.</summary>
    public static async Task<IReadOnlyList<string>> FolderNamesAsync(EasClient phone)
    {
        var answer = await phone.FolderSyncAsync();
        Assert.Equal("1", answer.Value("Status"));
        return answer.All("DisplayName").Select(e => e.Value).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The DeviceInformation a 14.1+ phone puts in its first Provision.</summary>
    public static string DeviceInformation(string model, string os, string name = "Test phone") => $"""
        <settings:DeviceInformation><settings:Set>
          <settings:Model>{System.Security.SecurityElement.Escape(model)}</settings:Model><settings:FriendlyName>{System.Security.SecurityElement.Escape(name)}</settings:FriendlyName><settings:OS>{System.Security.SecurityElement.Escape(os)}</settings:OS>
          <settings:UserAgent>TestPhone/1.0</settings:UserAgent>
        </settings:Set></settings:DeviceInformation>
        """;

    public static uint Key(string text) => uint.Parse(text, CultureInfo.InvariantCulture);
}
