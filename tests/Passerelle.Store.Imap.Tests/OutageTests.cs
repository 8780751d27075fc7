using System.Diagnostics;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Store.Imap.Tests.Infrastructure;
using SdkFlags = Passerelle.Sdk.Mail.MessageFlags;

namespace Passerelle.Store.Imap.Tests;

/// <summary>Dovecot stopped and started again under the store: temporary errors, then the same states as without the outage.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private Dovecot _dovecot = null!;
    private ImapStoreHost _host = null!;

    public async Task InitializeAsync()
    {
        _dovecot = await Dovecot.StartAsync();
        _host = await ImapStoreHost.StartAsync(_dovecot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _dovecot.DisposeAsync();
    }

    [Fact]
    public async Task DovecotStoppedMidSync_GivesStoreUnavailable_AndTheRetriedPageContinuesExactly()
    {
        var account = await _host.NewAccountAsync(_dovecot);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _host.Mail.AppendAsync(account.Id, "INBOX", Messages.Mime($"m{i}"), SdkFlags.None, null, CancellationToken.None)).Id);
        }

        var first = await _host.Mail.GetChangesAsync(account.Id, "INBOX", null, 2, CancellationToken.None);
        var second = await _host.Mail.GetChangesAsync(account.Id, "INBOX", first.State, 2, CancellationToken.None);

        await _dovecot.StopAsync();
        var outage = await Assert.ThrowsAsync<StoreUnavailableException>(() => _host.Mail.GetChangesAsync(account.Id, "INBOX", second.State, 2, CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _host.Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("lost?"), SdkFlags.None, null, CancellationToken.None));
        await _dovecot.StartAgainAsync();
        var rest = await RetryAsync(() => Messages.DrainAsync(_host.Mail, account.Id, "INBOX", second.State, 2));

        Assert.True(outage.RetryAfter > TimeSpan.Zero);
        Assert.Equal(ids, first.Changed.Concat(second.Changed).Concat(rest.Changed).Select(m => m.Id).Order());
        Assert.Empty(rest.Removed);
        Assert.Equal(rest.State, await _host.Mail.GetStateAsync(account.Id, "INBOX", CancellationToken.None));
    }

    [Fact]
    public async Task AfterARestart_AChangeMadeMeanwhile_WakesTheWatcherThatCameBack()
    {
        var account = await _host.NewAccountAsync(_dovecot);
        var inbox = new FolderRef(FolderSource.Mail, "INBOX");
        await using var subscription = await _host.Feed.SubscribeAsync(account.Id, [inbox], CancellationToken.None);
        var wait = subscription.WaitAsync(CancellationToken.None).AsTask();

        await _dovecot.StopAsync();
        await _dovecot.StartAgainAsync();
        // Delivered before the watcher is back: its STATUS comparison after the reconnect tells it.
        await _dovecot.DeliverAsync(account.Id, "while you were away");

        Assert.Equal([inbox], await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task PasswordChangedOnTheServer_RefusedOnTheNextSession_IsForgotten_NeverRetried()
    {
        var account = await _host.NewAccountAsync(_dovecot);
        await _dovecot.StopAsync();
        await _dovecot.SetPasswordAsync(account.Id, "changed-elsewhere");
        await _dovecot.StartAgainAsync();

        var refused = await RetryAsync(async () =>
        {
            try
            {
                await _host.Mail.GetFoldersAsync(account.Id, CancellationToken.None);
                return (StoreUnavailableException?)null;
            }
            catch (StoreUnavailableException exception) when (exception.Message.Contains("password", StringComparison.Ordinal))
            {
                return exception;
            }
        });

        Assert.NotNull(refused);
        Assert.Null(await _host.Accounts.GetCredentialStampAsync(account.Id, CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _host.Mail.GetFoldersAsync(account.Id, CancellationToken.None));
        var log = await File.ReadAllTextAsync(_dovecot.LogPath);
        Assert.Single(log.Split('\n'), line => line.Contains("auth failed", StringComparison.Ordinal) && line.Contains(account.Id, StringComparison.Ordinal));
    }

    // A phone retrying after its temporary error; bounded by a deadline.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> attempt)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (StoreUnavailableException) when (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
    }
}
