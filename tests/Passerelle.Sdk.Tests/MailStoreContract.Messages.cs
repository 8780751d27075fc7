using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

public abstract partial class MailStoreContract
{
    [Fact]
    public async Task Append_ThenOpen_GivesBackTheSameBytes_AndTheEnvelope()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var bytes = TestMessages.Create("Quarterly report", "Numbers attached.", from: "Alice Example <alice@example.net>", to: "bob@example.test", messageId: "q1-report");
        var receivedAt = new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.Zero);

        var stored = await Mail.AppendAsync(account, inbox, new MemoryStream(bytes), MessageFlags.Seen, receivedAt, None);

        await using var content = await Mail.OpenMessageAsync(account, inbox, stored.Id, None);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        var message = await Mail.GetMessageAsync(account, inbox, stored.Id, None);
        Assert.NotNull(message);
        Assert.Equal(inbox, message.FolderId);
        Assert.Equal(bytes.Length, message.Size);
        Assert.Equal(receivedAt, message.ReceivedAt);
        Assert.True(message.Flags.HasFlag(MessageFlags.Seen));
        Assert.Equal("Quarterly report", message.Envelope?.Subject);
        Assert.Contains("alice@example.net", message.Envelope?.From, StringComparison.Ordinal);
        Assert.Contains("bob@example.test", message.Envelope?.To, StringComparison.Ordinal);
        Assert.Equal("q1-report@example.net", message.Envelope?.MessageId);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 26, 53, TimeSpan.Zero), message.Envelope?.Date);
    }

    [Fact]
    public async Task Append_Empty_ThrowsInvalidItem()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();

        await Assert.ThrowsAnyAsync<InvalidItemException>(() => Mail.AppendAsync(account, inbox, new MemoryStream(), MessageFlags.None, null, None));
        Assert.Empty((await ListAsync(account, inbox)).Messages);
    }

    [Fact]
    public async Task UnknownMessage_IsNullToGet_AndNotFoundToOpenUpdateOrMove()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var message = await AppendAsync(account, inbox, "soon gone");
        await Mail.DeleteMessagesAsync(account, inbox, [message.Id], None);

        Assert.Null(await Mail.GetMessageAsync(account, inbox, message.Id, None));
        await Assert.ThrowsAnyAsync<ItemNotFoundException>(() => Mail.OpenMessageAsync(account, inbox, message.Id, None));
        await Assert.ThrowsAnyAsync<ItemNotFoundException>(() => Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { AddFlags = MessageFlags.Seen }, None));
        await Assert.ThrowsAnyAsync<ItemNotFoundException>(() => Mail.MoveMessageAsync(account, inbox, message.Id, inbox, None));
    }

    [Fact]
    public async Task UpdateMessage_AddsAndRemovesFlags_AndReplacesKeywords()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var message = await AppendAsync(account, inbox, "flags", MessageFlags.Seen);

        var updated = await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { AddFlags = MessageFlags.Flagged, RemoveFlags = MessageFlags.Seen, Keywords = ["Work", "Urgent"] }, None);
        var again = await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { Keywords = ["Home"] }, None);

        Assert.Equal(MessageFlags.Flagged, updated.Flags & (MessageFlags.Flagged | MessageFlags.Seen));
        Assert.Equal(["Urgent", "Work"], updated.Keywords.Order(StringComparer.Ordinal));
        Assert.Equal(["Home"], again.Keywords);
        Assert.Equal(MessageFlags.Flagged, (await Mail.GetMessageAsync(account, inbox, message.Id, None))!.Flags & (MessageFlags.Flagged | MessageFlags.Seen));
    }

    [Fact]
    public async Task UpdateMessage_FollowUpStatus_SetsOrClearsFlagged()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var message = await AppendAsync(account, inbox, "follow me");

        var active = await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { FollowUp = new FollowUpFlag(FollowUpStatus.Active) { FlagType = "Follow up" } }, None);
        var complete = await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { FollowUp = new FollowUpFlag(FollowUpStatus.Complete) }, None);
        var cleared = await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { AddFlags = MessageFlags.Flagged }, None);
        cleared = await Mail.UpdateMessageAsync(account, inbox, cleared.Id, new MessageUpdate { FollowUp = new FollowUpFlag(FollowUpStatus.Cleared) }, None);

        Assert.True(active.Flags.HasFlag(MessageFlags.Flagged));
        Assert.Equal(FollowUpStatus.Active, active.FollowUp?.Status);
        Assert.False(complete.Flags.HasFlag(MessageFlags.Flagged));
        Assert.False(cleared.Flags.HasFlag(MessageFlags.Flagged));
        Assert.NotEqual(FollowUpStatus.Active, cleared.FollowUp?.Status ?? FollowUpStatus.Cleared);
    }

    [Theory]
    [InlineData(MessageVerb.ReplyToSender, MessageFlags.Answered)]
    [InlineData(MessageVerb.ReplyToAll, MessageFlags.Answered)]
    [InlineData(MessageVerb.Forward, MessageFlags.Forwarded)]
    public async Task UpdateMessage_LastVerb_SetsTheMatchingFlag(MessageVerb verb, MessageFlags flag)
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var message = await AppendAsync(account, inbox, "answer me");

        var updated = await Mail.UpdateMessageAsync(account, inbox, message.Id, new MessageUpdate { LastVerb = new LastVerb(verb, DateTimeOffset.UtcNow) }, None);

        Assert.True(updated.Flags.HasFlag(flag));
        Assert.NotNull(updated.LastVerb);
    }

    [Fact]
    public async Task MoveMessage_LeavesTheSource_AndArrivesInTheTargetWithItsContent()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var archive = await Mail.CreateFolderAsync(account, null, "Archive", None);
        var message = await AppendAsync(account, inbox, "to archive", MessageFlags.Seen);

        var newId = await Mail.MoveMessageAsync(account, inbox, message.Id, archive.Id, None);

        Assert.Empty((await ListAsync(account, inbox)).Messages);
        var moved = Assert.Single((await ListAsync(account, archive.Id)).Messages.Values);
        Assert.Equal(newId, moved.Id);
        Assert.Equal(archive.Id, moved.FolderId);
        Assert.True(moved.Flags.HasFlag(MessageFlags.Seen));
        await using var content = await Mail.OpenMessageAsync(account, archive.Id, newId, None);
        Assert.Equal(message.Size, await LengthAsync(content));
    }

    [Fact]
    public async Task DeleteMessages_RemovesThem_AndIgnoresUnknownIds()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var keep = await AppendAsync(account, inbox, "keep");
        var drop = await AppendAsync(account, inbox, "drop");

        await Mail.DeleteMessagesAsync(account, inbox, [drop.Id, "999999999", "not-an-id"], None);

        Assert.Equal([keep.Id], (await ListAsync(account, inbox)).Messages.Keys);
    }

    [Fact]
    public async Task EmptyFolder_RemovesEveryMessage_AndSubfoldersOnlyWhenAsked()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var trash = (await Mail.GetFoldersAsync(account, None)).Single(f => f.Role == MailFolderRole.Trash).Id;
        var sub = await Mail.CreateFolderAsync(account, trash, "Old", None);
        await AppendAsync(account, trash, "a");
        await AppendAsync(account, trash, "b");

        await Mail.EmptyFolderAsync(account, trash, includeSubfolders: false, None);
        Assert.Empty((await ListAsync(account, trash)).Messages);
        Assert.Contains(await Mail.GetFoldersAsync(account, None), f => f.Id == sub.Id);

        await Mail.EmptyFolderAsync(account, trash, includeSubfolders: true, None);
        Assert.DoesNotContain(await Mail.GetFoldersAsync(account, None), f => f.Id == sub.Id);
        Assert.Single(await Mail.GetFoldersAsync(account, None), f => f.Role == MailFolderRole.Trash);
    }

    private static async Task<long> LengthAsync(Stream stream)
    {
        var buffer = new byte[8192];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        return length;
    }
}
