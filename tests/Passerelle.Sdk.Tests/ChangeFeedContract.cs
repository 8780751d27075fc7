using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

/// <summary>What every <see cref="IChangeFeed"/> must do for the folders of its stores. Waits are bounded by a deadline.</summary>
public abstract class ChangeFeedContract : StoreContract
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static CancellationToken None => CancellationToken.None;

    private async Task<(string Account, string Inbox, string Other)> NewMailboxAsync()
    {
        var account = await Store.CreateAccountAsync(UniqueName("feed"));
        var folders = await Store.Mail.GetFoldersAsync(account, None);
        return (account, folders.Single(f => f.Role == MailFolderRole.Inbox).Id, folders.Single(f => f.Role == MailFolderRole.Drafts).Id);
    }

    private Task AppendAsync(string account, string folder) =>
        Store.Mail.AppendAsync(account, folder, TestMessages.Stream("wake up"), MessageFlags.None, null, None);

    private static async Task<IReadOnlyCollection<FolderRef>> WaitAsync(IChangeSubscription subscription)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        return await subscription.WaitAsync(deadline.Token);
    }

    [Fact]
    public async Task ChangeWhileWaiting_WakesTheWaitWithTheFolder()
    {
        var (account, inbox, _) = await NewMailboxAsync();
        var folder = new FolderRef(FolderSource.Mail, inbox);
        await using var subscription = await Store.Feed.SubscribeAsync(account, [folder], None);

        var wait = WaitAsync(subscription);
        await AppendAsync(account, inbox);

        Assert.Equal([folder], await wait);
    }

    [Fact]
    public async Task ChangeBetweenSubscribingAndWaiting_IsNotLost()
    {
        var (account, inbox, _) = await NewMailboxAsync();
        var folder = new FolderRef(FolderSource.Mail, inbox);
        await using var subscription = await Store.Feed.SubscribeAsync(account, [folder], None);

        await AppendAsync(account, inbox);

        Assert.Equal([folder], await WaitAsync(subscription));
    }

    [Fact]
    public async Task ChangesInSeveralWatchedFolders_AreAllReported_AndUnwatchedOnesAreNot()
    {
        var (account, inbox, drafts) = await NewMailboxAsync();
        var sent = (await Store.Mail.GetFoldersAsync(account, None)).Single(f => f.Role == MailFolderRole.Sent).Id;
        FolderRef[] watched = [new(FolderSource.Mail, inbox), new(FolderSource.Mail, drafts)];
        await using var subscription = await Store.Feed.SubscribeAsync(account, watched, None);

        await AppendAsync(account, sent);
        await AppendAsync(account, inbox);
        await AppendAsync(account, drafts);

        var reported = new HashSet<FolderRef>();
        while (reported.Count < 2)
        {
            reported.UnionWith(await WaitAsync(subscription));
        }

        Assert.Equal(watched.ToHashSet(), reported);
    }

    [Fact]
    public async Task AnotherAccountsFolder_IsNotReported()
    {
        var (alice, aliceInbox, _) = await NewMailboxAsync();
        var (bob, bobInbox, _) = await NewMailboxAsync();
        await using var subscription = await Store.Feed.SubscribeAsync(bob, [new(FolderSource.Mail, aliceInbox), new(FolderSource.Mail, bobInbox)], None);

        await AppendAsync(alice, aliceInbox);
        await AppendAsync(bob, bobInbox);

        Assert.Equal([new FolderRef(FolderSource.Mail, bobInbox)], await WaitAsync(subscription));
    }

    [Fact]
    public async Task CancelledWait_Throws_AndTheSubscriptionGoesOn()
    {
        var (account, inbox, _) = await NewMailboxAsync();
        await using var subscription = await Store.Feed.SubscribeAsync(account, [new(FolderSource.Mail, inbox)], None);
        using var cancel = new CancellationTokenSource();

        var wait = subscription.WaitAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        await AppendAsync(account, inbox);
        Assert.Single(await WaitAsync(subscription));
    }

    [Fact]
    public async Task GroupwareChangeInASharedFolder_WakesTheOtherAccount()
    {
        var owner = await Store.CreateAccountAsync(UniqueName("owner"));
        var viewer = await Store.CreateAccountAsync(UniqueName("viewer"));
        var calendar = (await Store.Groupware.GetFoldersAsync(owner, None)).Single(f => f.Kind == GroupwareKind.Calendar && f.Role == GroupwareFolderRole.Default).Id;
        await Store.ShareGroupwareFolderAsync(owner, calendar, viewer, FolderAccess.ReadOnly);
        var folder = new FolderRef(FolderSource.Groupware, calendar);
        await using var subscription = await Store.Feed.SubscribeAsync(viewer, [folder], None);

        await Store.Groupware.CreateItemAsync(owner, calendar, new CalendarEvent { Subject = "New meeting", Start = DateTimeOffset.UtcNow, End = DateTimeOffset.UtcNow.AddHours(1) }, None);

        Assert.Equal([folder], await WaitAsync(subscription));
    }

    [Fact]
    public async Task EveryKindOfChange_Wakes()
    {
        var (account, inbox, drafts) = await NewMailboxAsync();
        var message = await Store.Mail.AppendAsync(account, inbox, TestMessages.Stream("x"), MessageFlags.None, null, None);
        var folder = new FolderRef(FolderSource.Mail, inbox);
        Func<Task>[] changes =
        [
            () => Store.Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { AddFlags = MessageFlags.Seen }, None),
            async () => message = message with { Id = await Store.Mail.MoveMessageAsync(account, inbox, message.Id, drafts, None), FolderId = drafts },
            async () => message = message with { Id = await Store.Mail.MoveMessageAsync(account, drafts, message.Id, inbox, None), FolderId = inbox },
            () => Store.Mail.DeleteMessagesAsync(account, inbox, [message.Id], None),
        ];
        await using var subscription = await Store.Feed.SubscribeAsync(account, [folder], None);

        foreach (var change in changes)
        {
            await change();
            Assert.Contains(folder, await WaitAsync(subscription));
        }
    }
}
