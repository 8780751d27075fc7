using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Passerelle.Sdk.Changes;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests;

/// <summary>Changes made outside Passerelle wake a waiting client through the user's watching connection.</summary>
public abstract class PushScenarios
{
    private protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private protected abstract Dovecot Dovecot { get; }

    private protected abstract ImapStoreHost Host { get; }

    [Fact]
    public async Task MessageDeliveredByLmtp_WakesTheWait()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var inbox = new FolderRef(FolderSource.Mail, "INBOX");
        await using var subscription = await Host.Feed.SubscribeAsync(account.Id, [inbox], CancellationToken.None);

        var wait = subscription.WaitAsync(CancellationToken.None).AsTask();
        await Dovecot.DeliverAsync(account.Id, "from outside");

        Assert.Equal([inbox], await wait.WaitAsync(Deadline));
    }

    [Fact]
    public async Task MessageDeliveredToAnotherWatchedFolder_Wakes()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var folder = await Host.Mail.CreateFolderAsync(account.Id, null, "Lists", CancellationToken.None);
        var watched = new FolderRef(FolderSource.Mail, folder.Id);
        await using var subscription = await Host.Feed.SubscribeAsync(account.Id, [new(FolderSource.Mail, "INBOX"), watched], CancellationToken.None);
        using var other = await OtherClient.ConnectAsync(Dovecot, account);

        var wait = subscription.WaitAsync(CancellationToken.None).AsTask();
        await (await other.GetFolderAsync(folder.Id)).AppendAsync(new AppendRequest(MimeMessage.Load(Messages.Mime("list mail")), MessageFlags.None));

        Assert.Equal([watched], await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task FlagSetByAnotherClient_Wakes()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var message = await Host.Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("flag me"), Sdk.Mail.MessageFlags.None, null, CancellationToken.None);
        var inbox = new FolderRef(FolderSource.Mail, "INBOX");
        await using var subscription = await Host.Feed.SubscribeAsync(account.Id, [inbox], CancellationToken.None);
        using var other = await OtherClient.ConnectAsync(Dovecot, account);
        await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
        await DrainAsync(subscription);

        var wait = subscription.WaitAsync(CancellationToken.None).AsTask();
        await other.Inbox.AddFlagsAsync(new UniqueId(uint.Parse(message.Id, System.Globalization.CultureInfo.InvariantCulture)), MessageFlags.Flagged, true);

        Assert.Equal([inbox], await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    // The append above woke the subscription already when it was made after it (a change may be told twice).
    private static async Task DrainAsync(IChangeSubscription subscription)
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            while (true)
            {
                await subscription.WaitAsync(quick.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // nothing pending any more
        }
    }
}

/// <summary>NOTIFY (RFC 5465) on a full Dovecot, plus delivery through Postfix.</summary>
[Collection(MailServerCollection.Name)]
public sealed class NotifyPushTests(MailServerFixture fixture) : PushScenarios
{
    private protected override Dovecot Dovecot => fixture.Dovecot;

    private protected override ImapStoreHost Host => fixture.Host;

    [Fact]
    public async Task MessageSentThroughPostfix_WakesTheWait()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var inbox = new FolderRef(FolderSource.Mail, "INBOX");
        await using var subscription = await Host.Feed.SubscribeAsync(account.Id, [inbox], CancellationToken.None);
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", fixture.Postfix.SmtpPort, SecureSocketOptions.None);

        var wait = subscription.WaitAsync(CancellationToken.None).AsTask();
        await smtp.SendAsync(MimeMessage.Load(Messages.Mime("via postfix", to: account.Id)));

        Assert.Equal([inbox], await wait.WaitAsync(Deadline));
    }
}

/// <summary>IDLE on the Inbox and STATUS re-checks of the other folders, on a Dovecot without NOTIFY.</summary>
[Collection(PlainServerCollection.Name)]
public sealed class IdlePushTests(PlainServerFixture fixture) : PushScenarios
{
    private protected override Dovecot Dovecot => fixture.Dovecot;

    private protected override ImapStoreHost Host => fixture.Host;
}
