using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Mail;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>
/// The real host with <c>Stores:Mail=Imap</c> in front of a test Dovecot (and Postfix): the store is loaded
/// as the plugin it is, and reached through the SDK interfaces the other plugins use.
/// </summary>
internal sealed class ImapStoreHost : IAsyncDisposable
{
    private ImapStoreHost(PasserelleServer server) => Server = server;

    public PasserelleServer Server { get; }

    public IAccountDirectory Accounts => Server.Services.GetRequiredService<IAccountDirectory>();

    public IMailStore Mail => Server.Services.GetRequiredService<IMailStore>();

    public IMailSubmission Submission => Server.Services.GetRequiredService<IMailSubmission>();

    public IChangeFeed Feed => Server.Services.GetServices<IChangeFeed>().Single(feed => feed.GetType().Name == "ImapChangeFeed");

    public ISignInService SignIn => Server.Services.GetRequiredService<ISignInService>();

    public static Dictionary<string, string?> Settings(Dovecot dovecot, Postfix? postfix = null) => new()
    {
        ["Stores:Mail"] = "Imap",
        ["Imap:Host"] = "127.0.0.1",
        ["Imap:Port"] = dovecot.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Imap:Security"] = "None",
        ["Imap:ReconnectDelay"] = "00:00:00.100",
        ["Imap:MaxReconnectDelay"] = "00:00:00.500",
        ["Imap:Push:RecheckInterval"] = "00:00:00.500",
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = (postfix?.SmtpPort ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };

    public static async Task<ImapStoreHost> StartAsync(Dovecot dovecot, Postfix? postfix = null, IReadOnlyDictionary<string, string?>? overrides = null, string urls = "http://127.0.0.1:0")
    {
        var settings = Settings(dovecot, postfix);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ImapStoreHost(await PasserelleServer.StartAsync(settings, urls: urls));
    }

    /// <summary>Makes a Dovecot user and signs it in, as a phone's first request would: the store then knows its password.</summary>
    public async Task<TestAccount> NewAccountAsync(Dovecot dovecot, string prefix = "user")
    {
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        var address = await dovecot.AddUserAsync($"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)], password);
        var account = await Accounts.AuthenticateAsync(address, password, CancellationToken.None)
            ?? throw new InvalidOperationException($"{address} could not sign in: {await File.ReadAllTextAsync(dovecot.LogPath)}");
        return new TestAccount(account.Id, password);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A signed-in test account.</summary>
/// <param name="Id">Its identifier (its address).</param>
/// <param name="Password">Its IMAP password.</param>
internal sealed record TestAccount(string Id, string Password);
