using System.Text;
using MailKit;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using MailFolder = Passerelle.Sdk.Mail.MailFolder;
using Passerelle.Store.Imap.Tests.Infrastructure;
using SdkFlags = Passerelle.Sdk.Mail.MessageFlags;

namespace Passerelle.Store.Imap.Tests;

[Collection(MailServerCollection.Name)]
public sealed class ImapMailStoreTests(MailServerFixture fixture)
{
    private ImapStoreHost Host => fixture.Host;

    private Sdk.Mail.IMailStore Mail => fixture.Host.Mail;

    [Fact]
    public async Task GetFolders_SpecialUseFolders_HaveTheirRoles_InboxFirst()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);

        var folders = await Mail.GetFoldersAsync(account.Id, CancellationToken.None);

        Assert.Equal(MailFolderRole.Inbox, folders[0].Role);
        Assert.Equal("INBOX", folders[0].Id);
        Assert.Equal("Sent", folders.Single(f => f.Role == MailFolderRole.Sent).Id);
        Assert.Equal("Drafts", folders.Single(f => f.Role == MailFolderRole.Drafts).Id);
        Assert.Equal("Trash", folders.Single(f => f.Role == MailFolderRole.Trash).Id);
        Assert.Equal("Junk", folders.Single(f => f.Role == MailFolderRole.Junk).Id);
    }

    [Fact]
    public async Task Folders_CreatedRenamedDeletedByAnotherClient_ShowInTheNextListing()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);
        await Mail.GetFoldersAsync(account.Id, CancellationToken.None);
        using var other = await OtherClient.ConnectAsync(fixture.Dovecot, account);
        var root = other.GetFolder(other.PersonalNamespaces[0]);

        var projects = await root.CreateAsync("Projects", true);
        await projects!.CreateAsync("2026", true);
        var afterCreate = await Mail.GetFoldersAsync(account.Id, CancellationToken.None);
        await projects.RenameAsync(root, "Work");
        var afterRename = await Mail.GetFoldersAsync(account.Id, CancellationToken.None);
        await (await other.GetFolderAsync("Work/2026")).DeleteAsync();
        await (await other.GetFolderAsync("Work")).DeleteAsync();
        var afterDelete = await Mail.GetFoldersAsync(account.Id, CancellationToken.None);

        Assert.Contains(afterCreate, f => f.Id == "Projects" && f.ParentId is null && f.Name == "Projects");
        Assert.Contains(afterCreate, f => f.Id == "Projects/2026" && f.ParentId == "Projects" && f.Name == "2026");
        Assert.True(afterCreate.ToList().FindIndex(f => f.Id == "Projects") < afterCreate.ToList().FindIndex(f => f.Id == "Projects/2026"));
        Assert.DoesNotContain(afterRename, f => f.Id.StartsWith("Projects", StringComparison.Ordinal));
        Assert.Contains(afterRename, f => f.Id == "Work/2026" && f.ParentId == "Work");
        Assert.DoesNotContain(afterDelete, f => f.Id.StartsWith("Work", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateUpdateDeleteFolder_ThroughTheStore()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);

        var parent = await Mail.CreateFolderAsync(account.Id, null, "Clients", CancellationToken.None);
        var child = await Mail.CreateFolderAsync(account.Id, parent.Id, "Acme & Co", CancellationToken.None);
        await Assert.ThrowsAsync<FolderExistsException>(() => Mail.CreateFolderAsync(account.Id, parent.Id, "Acme & Co", CancellationToken.None));
        await Assert.ThrowsAsync<Sdk.Errors.FolderNotFoundException>(() => Mail.CreateFolderAsync(account.Id, "Nowhere", "x", CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Mail.UpdateFolderAsync(account.Id, "Sent", null, "Gone", CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Mail.DeleteFolderAsync(account.Id, "INBOX", CancellationToken.None));
        var moved = await Mail.UpdateFolderAsync(account.Id, child.Id, null, "Acme", CancellationToken.None);
        await Mail.DeleteFolderAsync(account.Id, parent.Id, CancellationToken.None);
        var folders = await Mail.GetFoldersAsync(account.Id, CancellationToken.None);

        Assert.Equal("Clients/Acme & Co", child.Id);
        Assert.Equal(new MailFolder("Acme", null, "Acme", MailFolderRole.None), moved);
        Assert.Contains(folders, f => f.Id == "Acme");
        Assert.DoesNotContain(folders, f => f.Id.StartsWith("Clients", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Append_ThenReadBack_FlagsDateSizeEnvelopeAndMime()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);
        var receivedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        using var mime = Messages.Mime("Quarterly figures");
        var length = mime.Length;

        var appended = await Mail.AppendAsync(account.Id, "INBOX", mime, SdkFlags.Seen | SdkFlags.Forwarded, receivedAt, CancellationToken.None);
        var read = await Mail.GetMessageAsync(account.Id, "INBOX", appended.Id, CancellationToken.None);
        await using var content = await Mail.OpenMessageAsync(account.Id, "INBOX", appended.Id, CancellationToken.None);
        var text = await new StreamReader(content).ReadToEndAsync();

        Assert.Equal(appended, read! with { Keywords = appended.Keywords });
        Assert.Equal(SdkFlags.Seen | SdkFlags.Forwarded, read!.Flags);
        Assert.Equal(receivedAt, read.ReceivedAt);
        Assert.Equal(length, read.Size);
        Assert.Equal("Quarterly figures", read.Envelope!.Subject);
        Assert.Equal(MessageVerb.Forward, read.LastVerb!.Verb);
        Assert.Contains("Subject: Quarterly figures", text, StringComparison.Ordinal);
        Assert.Null(await Mail.GetMessageAsync(account.Id, "INBOX", "999999", CancellationToken.None));
        await Assert.ThrowsAsync<ItemNotFoundException>(() => Mail.OpenMessageAsync(account.Id, "INBOX", "999999", CancellationToken.None));
    }

    [Fact]
    public async Task Append_NotMime_IsAnInvalidItem_AndUnknownFolderIsNotFound()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);

        await Assert.ThrowsAsync<InvalidItemException>(() => Mail.AppendAsync(account.Id, "INBOX", new MemoryStream(), SdkFlags.None, null, CancellationToken.None));
        await Assert.ThrowsAsync<Sdk.Errors.FolderNotFoundException>(() => Mail.AppendAsync(account.Id, "Nowhere", Messages.Mime("x"), SdkFlags.None, null, CancellationToken.None));
        await Assert.ThrowsAsync<Sdk.Errors.FolderNotFoundException>(() => Mail.GetChangesAsync(account.Id, "Nowhere", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task OpenMessage_LargerThanAChunk_ComesWholeThroughATemporaryFile()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);
        var body = string.Join("\r\n", Enumerable.Range(0, 60_000).Select(i => $"line {i:D6} of a message bigger than one chunk"));
        using var mime = Messages.Mime("Big", body);
        var expected = mime.ToArray();
        var appended = await Mail.AppendAsync(account.Id, "INBOX", mime, SdkFlags.None, null, CancellationToken.None);

        await using var content = await Mail.OpenMessageAsync(account.Id, "INBOX", appended.Id, CancellationToken.None);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);

        Assert.True(expected.Length > 2 * 1024 * 1024);
        Assert.IsType<FileStream>(content);
        Assert.Equal(expected, copy.ToArray());
    }

    [Fact]
    public async Task UpdateMessage_FlagsFollowUpLastVerbAndCategories_MapToImapFlagsAndKeywords()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);
        var message = await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("Flags"), SdkFlags.None, null, CancellationToken.None);

        await Mail.UpdateMessageAsync(account.Id, "INBOX", message.Id, new MessageUpdate
        {
            AddFlags = SdkFlags.Seen,
            FollowUp = new FollowUpFlag(FollowUpStatus.Active),
            LastVerb = new LastVerb(MessageVerb.ReplyToAll, null),
            Keywords = ["Red category", "Projets été", "Plain"],
        }, CancellationToken.None);
        var updated = await Mail.UpdateMessageAsync(account.Id, "INBOX", message.Id, new MessageUpdate
        {
            RemoveFlags = SdkFlags.Seen,
            Keywords = ["Plain", "Blue category"],
        }, CancellationToken.None);

        using var other = await OtherClient.ConnectAsync(fixture.Dovecot, account);
        await other.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var seen = (await other.Inbox.FetchAsync([new UniqueId(uint.Parse(message.Id, System.Globalization.CultureInfo.InvariantCulture))], new FetchRequest(MessageSummaryItems.Flags)))[0];
        Assert.Equal(SdkFlags.Answered | SdkFlags.Flagged, updated.Flags);
        Assert.Equal(["Blue category", "Plain"], updated.Keywords);
        Assert.Equal(FollowUpStatus.Active, updated.FollowUp!.Status);
        Assert.Equal(MailKit.MessageFlags.Answered | MailKit.MessageFlags.Flagged, seen.Flags!.Value & ~MailKit.MessageFlags.Recent);
        Assert.Contains("Blue&ACA-category", seen.Keywords);
        Assert.DoesNotContain(seen.Keywords, k => k.StartsWith("Red", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ItemNotFoundException>(() => Mail.UpdateMessageAsync(account.Id, "INBOX", "999999", new MessageUpdate { AddFlags = SdkFlags.Seen }, CancellationToken.None));
    }

    [Fact]
    public async Task Move_DeleteAndEmpty()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);
        var first = await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("one"), SdkFlags.None, null, CancellationToken.None);
        var second = await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("two"), SdkFlags.None, null, CancellationToken.None);
        var third = await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("three"), SdkFlags.None, null, CancellationToken.None);
        var sub = await Mail.CreateFolderAsync(account.Id, "Trash", "Old", CancellationToken.None);

        var movedId = await Mail.MoveMessageAsync(account.Id, "INBOX", first.Id, "Trash", CancellationToken.None);
        await Assert.ThrowsAsync<ItemNotFoundException>(() => Mail.MoveMessageAsync(account.Id, "INBOX", first.Id, "Trash", CancellationToken.None));
        await Assert.ThrowsAsync<Sdk.Errors.FolderNotFoundException>(() => Mail.MoveMessageAsync(account.Id, "INBOX", second.Id, "Nowhere", CancellationToken.None));
        await Mail.DeleteMessagesAsync(account.Id, "INBOX", [second.Id, "999999", "not-a-uid"], CancellationToken.None);
        await Mail.AppendAsync(account.Id, sub.Id, Messages.Mime("old"), SdkFlags.None, null, CancellationToken.None);
        await Mail.EmptyFolderAsync(account.Id, "Trash", includeSubfolders: true, CancellationToken.None);

        var inbox = await Messages.DrainAsync(Mail, account.Id, "INBOX", null, 10);
        var trash = await Messages.DrainAsync(Mail, account.Id, "Trash", null, 10);
        Assert.Equal([third.Id], inbox.Changed.Select(m => m.Id));
        Assert.Empty(trash.Changed);
        Assert.Equal("1", movedId);
        Assert.DoesNotContain(await Mail.GetFoldersAsync(account.Id, CancellationToken.None), f => f.Id == sub.Id);
    }

    [Fact]
    public async Task Search_WordsInSubjectBodyOrSender_NewestFirst_WithTotalAndRange()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot);
        var day = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("Budget meeting", "About the plan."), SdkFlags.None, day, CancellationToken.None);
        await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("Lunch", "The budget plan is late."), SdkFlags.None, day.AddHours(1), CancellationToken.None);
        await Mail.AppendAsync(account.Id, "Sent", Messages.Mime("Re: budget", "Plan attached."), SdkFlags.None, day.AddHours(2), CancellationToken.None);
        await Mail.AppendAsync(account.Id, "INBOX", Messages.Mime("Budget only", "Nothing else."), SdkFlags.None, day.AddHours(3), CancellationToken.None);

        var all = await Mail.SearchAsync(account.Id, new MailSearchQuery("budget plan"), CancellationToken.None);
        var inboxOnly = await Mail.SearchAsync(account.Id, new MailSearchQuery("budget plan") { FolderId = "INBOX", Offset = 1, Limit = 1 }, CancellationToken.None);
        var window = await Mail.SearchAsync(account.Id, new MailSearchQuery("budget") { ReceivedSince = day.AddMinutes(30), ReceivedBefore = day.AddHours(3) }, CancellationToken.None);

        Assert.Equal(3, all.Total);
        Assert.Equal(["Re: budget", "Lunch", "Budget meeting"], all.Messages.Select(m => m.Envelope!.Subject));
        Assert.Equal(2, inboxOnly.Total);
        Assert.Equal(["Budget meeting"], inboxOnly.Messages.Select(m => m.Envelope!.Subject));
        Assert.Equal(["Re: budget", "Lunch"], window.Messages.Select(m => m.Envelope!.Subject));
    }
}
