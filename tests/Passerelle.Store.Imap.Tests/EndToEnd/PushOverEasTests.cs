using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Passerelle.Store.Imap.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

/// <summary>A phone's Ping over HTTP, woken by mail delivered straight to the mail server, not through Passerelle.</summary>
public sealed class PushOverEasTests(MailServers servers) : IClassFixture<MailServers>
{
    [Theory]
    [InlineData("LMTP")]
    [InlineData("SMTP")]
    public async Task Ping_IsWokenByADeliveryToTheMailServer(string route)
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "PUSH" + route);
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAllAsync(inbox);

        var ping = PhoneRequests.PingAsync(phone, inbox);
        await DeliverAsync(route, backend.Bob, "Pushed");
        var answer = await ping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("2", answer.Value("Status"));
        Assert.Equal([inbox], answer.All("Folder").Select(folder => folder.Value));
        var synced = await phone.SyncAsync(inbox);
        Assert.Equal("Pushed", EasPhone.Child(EasPhone.Commands(synced, "Add").Single(), "Subject"));
    }

    [Fact]
    public async Task Ping_IsWokenByAFlagSetByAnotherClient()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, [Dovecot.Message(backend.Alice, backend.Bob, "Unread", "Hello.")]);
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "PUSHFLAG");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAllAsync(inbox);

        var ping = PhoneRequests.PingAsync(phone, inbox);
        using (var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password))
        {
            await other.Inbox.OpenAsync(MailKit.FolderAccess.ReadWrite);
            await other.Inbox.StoreAsync(0, new MailKit.StoreFlagsRequest(MailKit.StoreAction.Add, MailKit.MessageFlags.Seen) { Silent = true });
        }

        var answer = await ping.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("2", answer.Value("Status"));
        var synced = await phone.SyncAsync(inbox);
        Assert.Equal("1", EasPhone.Child(EasPhone.Commands(synced, "Change").Single(), "Read"));
    }

    private async Task DeliverAsync(string route, string recipient, string subject)
    {
        if (route == "LMTP")
        {
            await servers.Dovecot.DeliverAsync(recipient, subject);
            return;
        }

        // Mail from outside, as the MTA receives it on port 25: no authentication, from loopback.
        using var smtp = new SmtpClient { Timeout = 10_000 };
        await smtp.ConnectAsync("127.0.0.1", servers.Postfix.SmtpPort, SecureSocketOptions.None);
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Dovecot.Message("someone@outside.test", recipient, subject, "Hello."))));
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
    }
}
