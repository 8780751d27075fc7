using MailKit;
using MailKit.Net.Imap;
using Passerelle.Sdk.Errors;
using Passerelle.Store.Imap.Tests.Infrastructure;
using SdkFlags = Passerelle.Sdk.Mail.MessageFlags;

namespace Passerelle.Store.Imap.Tests;

/// <summary>
/// What the change states must do whichever way the server tracks changes: RFC 7162 on a full Dovecot
/// (<see cref="ModSeqChangeTrackingTests"/>), the snapshot fallback on a plain one (<see cref="SnapshotChangeTrackingTests"/>).
/// </summary>
public abstract class ChangeTrackingScenarios
{
    private protected abstract Dovecot Dovecot { get; }

    private protected abstract ImapStoreHost Host { get; }

    private protected abstract char StateKind { get; }

    private Sdk.Mail.IMailStore Mail => Host.Mail;

    [Fact]
    public async Task ChangesSinceNull_ListEveryMessage_InPagesOfAtMostMax_EndingAtTheCurrentState()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var ids = await AppendAsync(account, 7);

        var all = await Messages.DrainAsync(Mail, account.Id, "INBOX", null, 3);

        Assert.Equal(ids, all.Changed.Select(m => m.Id).Order());
        Assert.Equal(3, all.Pages);
        Assert.Empty(all.Removed);
        Assert.Equal(all.State, await Mail.GetStateAsync(account.Id, "INBOX", CancellationToken.None));
        Assert.Equal(StateKind, all.State.Value[0]);
        var again = await Mail.GetChangesAsync(account.Id, "INBOX", all.State, 3, CancellationToken.None);
        Assert.Empty(again.Changed);
        Assert.Empty(again.Removed);
        Assert.False(again.MoreAvailable);
        Assert.Equal(all.State, again.State);
    }

    [Fact]
    public async Task FlagSetByAnotherClient_ShowsInTheNextChanges_Once()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var ids = await AppendAsync(account, 3);
        var synced = await Messages.DrainAsync(Mail, account.Id, "INBOX", null, 10);
        using var other = await OtherClient.ConnectAsync(Dovecot, account);
        await other.Inbox.OpenAsync(FolderAccess.ReadWrite);

        await other.Inbox.AddFlagsAsync(Uid(ids[1]), MailKit.MessageFlags.Flagged, silent: true);
        var changes = await Messages.DrainAsync(Mail, account.Id, "INBOX", synced.State, 10);
        var after = await Messages.DrainAsync(Mail, account.Id, "INBOX", changes.State, 10);

        Assert.Equal([ids[1]], changes.Changed.Select(m => m.Id));
        Assert.Equal(SdkFlags.Flagged, changes.Changed[0].Flags);
        Assert.Empty(changes.Removed);
        Assert.Empty(after.Changed);
        Assert.Empty(after.Removed);
    }

    [Fact]
    public async Task MessageMovedByAnotherClient_IsRemovedHere_AndNewThere()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var ids = await AppendAsync(account, 2);
        var archive = await Mail.CreateFolderAsync(account.Id, null, "Archive2026", CancellationToken.None);
        var inbox = await Messages.DrainAsync(Mail, account.Id, "INBOX", null, 10);
        var target = await Messages.DrainAsync(Mail, account.Id, archive.Id, null, 10);
        using var other = await OtherClient.ConnectAsync(Dovecot, account);
        await other.Inbox.OpenAsync(FolderAccess.ReadWrite);

        await other.Inbox.MoveToAsync(Uid(ids[0]), await other.GetFolderAsync(archive.Id));
        var inboxChanges = await Messages.DrainAsync(Mail, account.Id, "INBOX", inbox.State, 10);
        var targetChanges = await Messages.DrainAsync(Mail, account.Id, archive.Id, target.State, 10);

        Assert.Equal([ids[0]], inboxChanges.Removed);
        Assert.Empty(inboxChanges.Changed);
        Assert.Single(targetChanges.Changed);
        Assert.Empty(targetChanges.Removed);
    }

    [Fact]
    public async Task ManyMessagesChangedAtOnce_ArePagedExactly_NoneTwiceNoneMissed()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var ids = await AppendAsync(account, 7);
        var synced = await Messages.DrainAsync(Mail, account.Id, "INBOX", null, 10);
        using var other = await OtherClient.ConnectAsync(Dovecot, account);
        await other.Inbox.OpenAsync(FolderAccess.ReadWrite);

        // One STORE: on a CONDSTORE server the seven messages share one MODSEQ.
        await other.Inbox.AddFlagsAsync(UniqueIdRange.All, MailKit.MessageFlags.Seen, silent: true);
        var changes = await Messages.DrainAsync(Mail, account.Id, "INBOX", synced.State, 3);

        Assert.Equal(ids, changes.Changed.Select(m => m.Id).Order());
        Assert.Equal(7, changes.Changed.Count);
        Assert.All(changes.Changed, m => Assert.True(m.Flags.HasFlag(SdkFlags.Seen)));
        Assert.Equal(3, changes.Pages);
    }

    [Fact]
    public async Task ManyMessagesExpungedByAnotherClient_ArePagedExactly()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var ids = await AppendAsync(account, 8);
        var synced = await Messages.DrainAsync(Mail, account.Id, "INBOX", null, 10);
        using var other = await OtherClient.ConnectAsync(Dovecot, account);
        await other.Inbox.OpenAsync(FolderAccess.ReadWrite);

        var doomed = ids.Take(7).Select(Uid).ToList();
        await other.Inbox.AddFlagsAsync(doomed, MailKit.MessageFlags.Deleted, silent: true);
        await other.Inbox.ExpungeAsync(doomed);
        var changes = await Messages.DrainAsync(Mail, account.Id, "INBOX", synced.State, 3);

        Assert.Equal(ids.Take(7).Order(), changes.Removed.Order());
        Assert.Empty(changes.Changed);
        Assert.Equal(3, changes.Pages);
    }

    [Fact]
    public async Task UidValidityChanged_OldStateExpires_AndAFullListingWorks()
    {
        var account = await Host.NewAccountAsync(Dovecot);
        var folder = await Mail.CreateFolderAsync(account.Id, null, "Recreated", CancellationToken.None);
        await Mail.AppendAsync(account.Id, folder.Id, Messages.Mime("before"), SdkFlags.None, null, CancellationToken.None);
        var synced = await Messages.DrainAsync(Mail, account.Id, folder.Id, null, 10);
        using (var other = await OtherClient.ConnectAsync(Dovecot, account))
        {
            await (await other.GetFolderAsync(folder.Id)).DeleteAsync();
            await other.GetFolder(other.PersonalNamespaces[0]).CreateAsync(folder.Name, true);
        }

        await Mail.AppendAsync(account.Id, folder.Id, Messages.Mime("after"), SdkFlags.None, null, CancellationToken.None);

        await Assert.ThrowsAsync<ChangeStateExpiredException>(() => Mail.GetChangesAsync(account.Id, folder.Id, synced.State, 10, CancellationToken.None));
        var relisted = await Messages.DrainAsync(Mail, account.Id, folder.Id, null, 10);
        Assert.Equal(["after"], relisted.Changed.Select(m => m.Envelope!.Subject));
    }

    [Fact]
    public async Task MalformedState_Expires()
    {
        var account = await Host.NewAccountAsync(Dovecot);

        await Assert.ThrowsAsync<ChangeStateExpiredException>(() => Mail.GetChangesAsync(account.Id, "INBOX", new("not a state"), 10, CancellationToken.None));
        await Assert.ThrowsAsync<ChangeStateExpiredException>(() => Mail.GetChangesAsync(account.Id, "INBOX", new("q.1.x.0.0.0.0"), 10, CancellationToken.None));
    }

    private async Task<List<string>> AppendAsync(TestAccount account, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime($"message {i}"), SdkFlags.None, null, CancellationToken.None)).Id);
        }

        return ids.Order().ToList();
    }

    private static UniqueId Uid(string id) => new(uint.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
}

[Collection(MailServerCollection.Name)]
public sealed class ModSeqChangeTrackingTests(MailServerFixture fixture) : ChangeTrackingScenarios
{
    private protected override Dovecot Dovecot => fixture.Dovecot;

    private protected override ImapStoreHost Host => fixture.Host;

    private protected override char StateKind => 'q';
}

[Collection(PlainServerCollection.Name)]
public sealed class SnapshotChangeTrackingTests(PlainServerFixture fixture) : ChangeTrackingScenarios
{
    private protected override Dovecot Dovecot => fixture.Dovecot;

    private protected override ImapStoreHost Host => fixture.Host;

    private protected override char StateKind => 's';
}
