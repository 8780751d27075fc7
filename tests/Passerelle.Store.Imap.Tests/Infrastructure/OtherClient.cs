using MailKit.Net.Imap;
using MailKit.Security;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>Another mail client of the same user (a desktop client, webmail), straight to Dovecot.</summary>
internal static class OtherClient
{
    public static async Task<ImapClient> ConnectAsync(Dovecot dovecot, TestAccount account)
    {
        var client = new ImapClient { Timeout = 10_000 };
        await client.ConnectAsync("127.0.0.1", dovecot.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(account.Id, account.Password);
        return client;
    }
}
