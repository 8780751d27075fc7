using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

public abstract partial class MailStoreContract
{
    [Fact]
    public async Task State_MovesWithEveryChange_AndNotWithReads()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var states = new List<ChangeState> { await Mail.GetStateAsync(account, inbox, None) };

        var message = await AppendAsync(account, inbox, "one");
        states.Add(await Mail.GetStateAsync(account, inbox, None));
        await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { AddFlags = MessageFlags.Seen }, None);
        states.Add(await Mail.GetStateAsync(account, inbox, None));
        await Mail.GetMessageAsync(account, inbox, message.Id, None);
        await Mail.GetChangesAsync(account, inbox, null, 10, None);
        states.Add(await Mail.GetStateAsync(account, inbox, None));
        await Mail.DeleteMessagesAsync(account, inbox, [message.Id], None);
        states.Add(await Mail.GetStateAsync(account, inbox, None));

        Assert.Equal(4, states.Distinct().Count());
        Assert.Equal(states[2], states[3]);
    }

    [Fact]
    public async Task Changes_SinceTheCurrentState_AreEmpty_AndKeepTheState()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        await AppendAsync(account, inbox, "one");
        var state = await Mail.GetStateAsync(account, inbox, None);

        var changes = await Mail.GetChangesAsync(account, inbox, state, 10, None);

        Assert.Empty(changes.Changed);
        Assert.Empty(changes.Removed);
        Assert.False(changes.MoreAvailable);
        Assert.Equal(state, changes.State);
    }

    [Fact]
    public async Task Changes_FromTheBeginning_ListEveryMessageOnce_InPages()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await AppendAsync(account, inbox, $"message {i}")).Id);
        }

        var seen = new List<string>();
        ChangeState? state = null;
        var pages = 0;
        FolderChanges<MailMessage> page;
        do
        {
            page = await Mail.GetChangesAsync(account, inbox, state, 3, None);
            Assert.True(page.Changed.Count <= 3);
            Assert.Empty(page.Removed);
            seen.AddRange(page.Changed.Select(m => m.Id));
            state = page.State;
            pages++;
        }
        while (page.MoreAvailable);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(3, pages);
        Assert.Equal(await Mail.GetStateAsync(account, inbox, None), state);
    }

    [Fact]
    public async Task Changes_ReportChangedAddedAndRemovedMessages_EachOnce()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var changed = await AppendAsync(account, inbox, "changed");
        var removed = await AppendAsync(account, inbox, "removed");
        var untouched = await AppendAsync(account, inbox, "untouched");
        var since = await Mail.GetStateAsync(account, inbox, None);

        await Mail.UpdateMessageAsync(account, inbox, changed.Id, new MessageUpdate { AddFlags = MessageFlags.Seen }, None);
        await Mail.UpdateMessageAsync(account, inbox, changed.Id, new MessageUpdate { AddFlags = MessageFlags.Flagged }, None);
        await Mail.DeleteMessagesAsync(account, inbox, [removed.Id], None);
        var added = await AppendAsync(account, inbox, "added");
        var changes = await Mail.GetChangesAsync(account, inbox, since, 100, None);

        Assert.Equal([changed.Id, added.Id], changes.Changed.Select(m => m.Id));
        Assert.Equal(MessageFlags.Seen | MessageFlags.Flagged, changes.Changed[0].Flags & (MessageFlags.Seen | MessageFlags.Flagged));
        Assert.Equal([removed.Id], changes.Removed);
        Assert.DoesNotContain(untouched.Id, changes.Changed.Select(m => m.Id));
        Assert.False(changes.MoreAvailable);
    }

    [Fact]
    public async Task Move_IsARemovalInTheSource_AndAnAddInTheTarget()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var archive = await Mail.CreateFolderAsync(account, null, "Archive", None);
        var message = await AppendAsync(account, inbox, "moving");
        var inboxState = await Mail.GetStateAsync(account, inbox, None);
        var archiveState = await Mail.GetStateAsync(account, archive.Id, None);

        var newId = await Mail.MoveMessageAsync(account, inbox, message.Id, archive.Id, None);

        var fromInbox = await Mail.GetChangesAsync(account, inbox, inboxState, 10, None);
        var fromArchive = await Mail.GetChangesAsync(account, archive.Id, archiveState, 10, None);
        Assert.Equal([message.Id], fromInbox.Removed);
        Assert.Empty(fromInbox.Changed);
        Assert.Equal([newId], fromArchive.Changed.Select(m => m.Id));
        Assert.Empty(fromArchive.Removed);
    }

    [Fact]
    public async Task Changes_FromAStateOfAnotherFolder_OrGarbage_HaveExpired()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var archive = await Mail.CreateFolderAsync(account, null, "Archive", None);
        await AppendAsync(account, archive.Id, "x");
        var archiveState = await Mail.GetStateAsync(account, archive.Id, None);

        await Assert.ThrowsAnyAsync<ChangeStateExpiredException>(() => Mail.GetChangesAsync(account, inbox, archiveState, 10, None));
        await Assert.ThrowsAnyAsync<ChangeStateExpiredException>(() => Mail.GetChangesAsync(account, inbox, new ChangeState("garbage"), 10, None));
    }

    [Fact]
    public async Task Changes_OfADeletedFolder_AreNotFound()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var folder = await Mail.CreateFolderAsync(account, null, "Doomed", None);
        var state = await Mail.GetStateAsync(account, folder.Id, None);

        await Mail.DeleteFolderAsync(account, folder.Id, None);

        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.GetChangesAsync(account, folder.Id, state, 10, None));
    }
}
