using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>
/// The end-to-end suites' accounts and mail on a test Dovecot: the host runs with <c>Stores:Mail=Imap</c> in
/// front of it (and of Postfix), alice and bob are Dovecot users of their own for each test (so each test
/// starts from empty mailboxes), and mail is put in by another IMAP client, as a delivery would.
/// </summary>
internal sealed class ImapMailBackend(MailServers servers) : MailBackend
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    public override string Alice => $"alice-{_suffix}@{Dovecot.Domain}";

    public override string Bob => $"bob-{_suffix}@{Dovecot.Domain}";

    public override async Task<PasserelleServer> StartAsync()
    {
        await servers.Dovecot.AddUserAsync(Alice[..Alice.IndexOf('@', StringComparison.Ordinal)], Password);
        await servers.Dovecot.AddUserAsync(Bob[..Bob.IndexOf('@', StringComparison.Ordinal)], Password);
        return await PasserelleServer.StartAsync(ImapStoreHost.Settings(servers.Dovecot, servers.Postfix));
    }

    /// <summary>Appends the messages in one MULTIAPPEND, each received at its Date (what sync orders and filters by).</summary>
    public override async Task ImportAsync(PasserelleServer server, string user, IEnumerable<string> messages, string? folder = null)
    {
        using var client = await ConnectAsync(servers.Dovecot, user, Password);
        var target = folder is null ? client.Inbox : await client.GetFolderAsync(folder);
        var requests = messages.Select(text =>
        {
            var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));
            return (IAppendRequest)new AppendRequest(message) { InternalDate = message.Date };
        }).ToList();
        foreach (var batch in requests.Chunk(200))
        {
            await target.AppendAsync(batch);
        }

        await client.DisconnectAsync(quit: true);
    }

    public static async Task<ImapClient> ConnectAsync(Dovecot dovecot, string user, string password)
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", dovecot.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        return client;
    }
}
