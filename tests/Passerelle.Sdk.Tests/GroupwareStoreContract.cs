using System.Text;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;

namespace Passerelle.Sdk.Tests;

/// <summary>What every <see cref="IGroupwareStore"/> must do: folders, lossless items, attachments, sharing, change tracking.</summary>
public abstract partial class GroupwareStoreContract : StoreContract
{
    private static CancellationToken None => CancellationToken.None;

    private IGroupwareStore Groupware => Store.Groupware;

    protected async Task<(string Account, string FolderId)> NewAccountWithDefaultAsync(GroupwareKind kind)
    {
        var account = await Store.CreateAccountAsync(UniqueName("gw"));
        var folders = await Groupware.GetFoldersAsync(account, None);
        return (account, folders.Single(f => f.Kind == kind && f.Role == GroupwareFolderRole.Default).Id);
    }

    [Fact]
    public async Task GetFolders_NewAccount_HasADefaultFolderOfEveryKind_OwnedByIt()
    {
        var account = await Store.CreateAccountAsync(UniqueName("gw"));

        var folders = await Groupware.GetFoldersAsync(account, None);

        foreach (var kind in Enum.GetValues<GroupwareKind>())
        {
            var folder = Assert.Single(folders, f => f.Kind == kind && f.Role == GroupwareFolderRole.Default);
            Assert.Equal(FolderAccess.Owner, folder.Access);
            Assert.Equal(account, folder.OwnerId);
        }

        Assert.Equal(folders.Select(f => f.Id).Order(), (await Groupware.GetFoldersAsync(account, None)).Select(f => f.Id).Order());
    }

    [Fact]
    public async Task Folders_CanBeCreatedRenamedAndDeleted_ButNotTheDefaultOnes()
    {
        var (account, contacts) = await NewAccountWithDefaultAsync(GroupwareKind.Contacts);

        var clients = await Groupware.CreateFolderAsync(account, GroupwareKind.Contacts, null, "Clients", None);
        await Assert.ThrowsAnyAsync<FolderExistsException>(() => Groupware.CreateFolderAsync(account, GroupwareKind.Contacts, null, "Clients", None));
        var renamed = await Groupware.UpdateFolderAsync(account, clients.Id, null, "Customers", None);
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Groupware.DeleteFolderAsync(account, contacts, None));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Groupware.UpdateFolderAsync(account, contacts, null, "Renamed", None));
        await Groupware.DeleteFolderAsync(account, clients.Id, None);

        Assert.Equal(GroupwareFolderRole.Personal, clients.Role);
        Assert.Equal("Customers", renamed.Name);
        Assert.DoesNotContain(await Groupware.GetFoldersAsync(account, None), f => f.Id == clients.Id);
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Groupware.GetStateAsync(account, clients.Id, None));
    }

    public static TheoryData<string> Kinds => new() { "contact", "event", "task", "note", "file" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Items_RoundTripWithoutLosingAField(string kind)
    {
        GroupwareItem item = kind switch
        {
            "contact" => GroupwareSamples.FullContact(),
            "event" => GroupwareSamples.FullEvent(),
            "task" => GroupwareSamples.FullTask(),
            "note" => GroupwareSamples.FullNote(),
            _ => GroupwareSamples.File("report.txt"),
        };
        var (account, folder) = await NewAccountWithDefaultAsync(item.Kind);

        var created = await Groupware.CreateItemAsync(account, folder, item, None);
        var read = await Groupware.GetItemAsync(account, folder, created.Id, None);

        Assert.NotNull(read);
        Assert.Equal(GroupwareSamples.Contents(item), GroupwareSamples.Contents(read));
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(folder, read.FolderId);
        Assert.False(string.IsNullOrEmpty(read.Uid));
        Assert.Equal(item.Uid ?? read.Uid, read.Uid);
        Assert.NotEqual(default, read.LastModified);
    }

    [Fact]
    public async Task CreateItem_OfAnotherKind_ThrowsInvalidItem()
    {
        var (account, calendar) = await NewAccountWithDefaultAsync(GroupwareKind.Calendar);

        await Assert.ThrowsAnyAsync<InvalidItemException>(() => Groupware.CreateItemAsync(account, calendar, new Note { Subject = "x" }, None));
    }

    [Fact]
    public async Task UpdateItem_ReplacesTheFields_KeepsTheUidAndAttachments()
    {
        var (account, notes) = await NewAccountWithDefaultAsync(GroupwareKind.Notes);
        var note = await Groupware.CreateItemAsync(account, notes, new Note { Subject = "Draft", Body = "v1" }, None);
        await Groupware.AddAttachmentAsync(account, notes, note.Id, "sketch.txt", "text/plain", new MemoryStream("sketch"u8.ToArray()), None);

        var updated = await Groupware.UpdateItemAsync(account, notes, new Note { Id = note.Id, Subject = "Final" }, None);

        var read = (Note)(await Groupware.GetItemAsync(account, notes, note.Id, None))!;
        Assert.Equal("Final", read.Subject);
        Assert.Null(read.Body);
        Assert.Equal(note.Uid, read.Uid);
        Assert.Equal("sketch.txt", Assert.Single(read.Attachments).Name);
        Assert.Equal(updated.Id, read.Id);
        await Assert.ThrowsAnyAsync<ItemNotFoundException>(() => Groupware.UpdateItemAsync(account, notes, new Note { Id = "999999999" }, None));
    }

    [Fact]
    public async Task DeleteItem_RemovesIt_AndIgnoresUnknownIds()
    {
        var (account, tasks) = await NewAccountWithDefaultAsync(GroupwareKind.Tasks);
        var task = await Groupware.CreateItemAsync(account, tasks, new TaskItem { Subject = "Done soon" }, None);

        await Groupware.DeleteItemAsync(account, tasks, task.Id, None);
        await Groupware.DeleteItemAsync(account, tasks, task.Id, None);

        Assert.Null(await Groupware.GetItemAsync(account, tasks, task.Id, None));
    }

    [Fact]
    public async Task MoveItem_ToAFolderOfTheSameKind_Only()
    {
        var (account, contacts) = await NewAccountWithDefaultAsync(GroupwareKind.Contacts);
        var work = await Groupware.CreateFolderAsync(account, GroupwareKind.Contacts, null, "Work", None);
        var notes = (await Groupware.GetFoldersAsync(account, None)).Single(f => f.Kind == GroupwareKind.Notes && f.Role == GroupwareFolderRole.Default);
        var contact = await Groupware.CreateItemAsync(account, contacts, new Contact { FirstName = "Bill" }, None);

        var newId = await Groupware.MoveItemAsync(account, contacts, contact.Id, work.Id, None);

        Assert.Null(await Groupware.GetItemAsync(account, contacts, contact.Id, None));
        Assert.Equal("Bill", ((Contact)(await Groupware.GetItemAsync(account, work.Id, newId, None))!).FirstName);
        await Assert.ThrowsAnyAsync<InvalidItemException>(() => Groupware.MoveItemAsync(account, work.Id, newId, notes.Id, None));
    }

    [Fact]
    public async Task Attachments_AreStreamedBack_AndAFileHasOneContent()
    {
        var (account, files) = await NewAccountWithDefaultAsync(GroupwareKind.Files);
        var file = await Groupware.CreateItemAsync(account, files, GroupwareSamples.File("plan.txt"), None);

        await Groupware.AddAttachmentAsync(account, files, file.Id, "plan.txt", "text/plain", new MemoryStream("first version"u8.ToArray()), None);
        var second = await Groupware.AddAttachmentAsync(account, files, file.Id, "plan.txt", "text/plain", new MemoryStream("second version!"u8.ToArray()), None);

        var read = (FileItem)(await Groupware.GetItemAsync(account, files, file.Id, None))!;
        Assert.Equal(second.Id, Assert.Single(read.Attachments).Id);
        Assert.Equal(15, read.Size);
        await using var content = await Groupware.OpenAttachmentAsync(account, files, file.Id, second.Id, None);
        Assert.Equal("second version!", await new StreamReader(content, Encoding.UTF8).ReadToEndAsync());
        await Assert.ThrowsAnyAsync<ItemNotFoundException>(() => Groupware.OpenAttachmentAsync(account, files, file.Id, "999", None));
    }

    [Fact]
    public async Task NoteAttachments_Accumulate()
    {
        var (account, notes) = await NewAccountWithDefaultAsync(GroupwareKind.Notes);
        var note = await Groupware.CreateItemAsync(account, notes, new Note { Subject = "Trip" }, None);

        var map = await Groupware.AddAttachmentAsync(account, notes, note.Id, "map.png", "image/png", new MemoryStream([137, 80, 78, 71]), None);
        var list = await Groupware.AddAttachmentAsync(account, notes, note.Id, "list.txt", "text/plain", new MemoryStream("socks"u8.ToArray()), None);

        var read = await Groupware.GetItemAsync(account, notes, note.Id, None);
        Assert.Equal([map.Id, list.Id], read!.Attachments.Select(a => a.Id));
        Assert.Equal(["map.png", "list.txt"], read.Attachments.Select(a => a.Name));
        Assert.Equal(4, read.Attachments[0].Size);
        Assert.Equal("image/png", read.Attachments[0].ContentType);
    }

    [Fact]
    public async Task SharedReadOnly_IsVisibleAndReadable_ButNotWritable()
    {
        var (owner, calendar) = await NewAccountWithDefaultAsync(GroupwareKind.Calendar);
        var reader = await Store.CreateAccountAsync(UniqueName("reader"));
        var stranger = await Store.CreateAccountAsync(UniqueName("stranger"));
        var meeting = await Groupware.CreateItemAsync(owner, calendar, new CalendarEvent { Subject = "Board meeting", Start = DateTimeOffset.UtcNow, End = DateTimeOffset.UtcNow.AddHours(1) }, None);

        await Store.ShareGroupwareFolderAsync(owner, calendar, reader, FolderAccess.ReadOnly);

        var seen = Assert.Single(await Groupware.GetFoldersAsync(reader, None), f => f.Id == calendar);
        Assert.Equal(GroupwareFolderRole.Shared, seen.Role);
        Assert.Equal(FolderAccess.ReadOnly, seen.Access);
        Assert.Equal(owner, seen.OwnerId);
        Assert.Equal("Board meeting", ((CalendarEvent)(await Groupware.GetItemAsync(reader, calendar, meeting.Id, None))!).Subject);
        Assert.Single((await Groupware.GetChangesAsync(reader, calendar, null, 10, None)).Changed);
        Assert.Equal(await Groupware.GetStateAsync(owner, calendar, None), await Groupware.GetStateAsync(reader, calendar, None));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Groupware.CreateItemAsync(reader, calendar, new CalendarEvent { Subject = "Mine" }, None));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Groupware.DeleteItemAsync(reader, calendar, meeting.Id, None));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Groupware.DeleteFolderAsync(reader, calendar, None));
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Groupware.GetStateAsync(stranger, calendar, None));
        Assert.DoesNotContain(await Groupware.GetFoldersAsync(stranger, None), f => f.Id == calendar);
    }

    [Fact]
    public async Task SharedReadWrite_LetsTheOtherAccountChangeItems_ButNotTheFolder()
    {
        var owner = await Store.CreateAccountAsync(UniqueName("owner"));
        var team = await Groupware.CreateFolderAsync(owner, GroupwareKind.Tasks, null, "Team tasks", None);
        var writer = await Store.CreateAccountAsync(UniqueName("writer"));

        await Store.ShareGroupwareFolderAsync(owner, team.Id, writer, FolderAccess.ReadWrite);

        var task = await Groupware.CreateItemAsync(writer, team.Id, new TaskItem { Subject = "From the writer" }, None);
        Assert.Equal("From the writer", ((TaskItem)(await Groupware.GetItemAsync(owner, team.Id, task.Id, None))!).Subject);
        Assert.Equal(FolderAccess.ReadWrite, (await Groupware.GetFoldersAsync(writer, None)).Single(f => f.Id == team.Id).Access);
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Groupware.UpdateFolderAsync(writer, team.Id, null, "Hijacked", None));
    }

    [Fact]
    public async Task Changes_ReportAddsUpdatesRemovalsAndMoves()
    {
        var (account, contacts) = await NewAccountWithDefaultAsync(GroupwareKind.Contacts);
        var other = await Groupware.CreateFolderAsync(account, GroupwareKind.Contacts, null, "Other", None);
        var changed = await Groupware.CreateItemAsync(account, contacts, new Contact { FirstName = "Changed" }, None);
        var removed = await Groupware.CreateItemAsync(account, contacts, new Contact { FirstName = "Removed" }, None);
        var moved = await Groupware.CreateItemAsync(account, contacts, new Contact { FirstName = "Moved" }, None);
        var since = await Groupware.GetStateAsync(account, contacts, None);
        var otherSince = await Groupware.GetStateAsync(account, other.Id, None);

        await Groupware.UpdateItemAsync(account, contacts, new Contact { Id = changed.Id, FirstName = "Changed twice" }, None);
        await Groupware.DeleteItemAsync(account, contacts, removed.Id, None);
        var movedId = await Groupware.MoveItemAsync(account, contacts, moved.Id, other.Id, None);
        var added = await Groupware.CreateItemAsync(account, contacts, new Contact { FirstName = "Added" }, None);

        var changes = await Groupware.GetChangesAsync(account, contacts, since, 100, None);
        var otherChanges = await Groupware.GetChangesAsync(account, other.Id, otherSince, 100, None);
        Assert.Equal([changed.Id, added.Id], changes.Changed.Select(i => i.Id));
        Assert.Equal("Changed twice", ((Contact)changes.Changed[0]).FirstName);
        Assert.Equal([removed.Id, moved.Id], changes.Removed.Order(StringComparer.Ordinal));
        Assert.Equal([movedId], otherChanges.Changed.Select(i => i.Id));
        Assert.Equal(await Groupware.GetStateAsync(account, contacts, None), changes.State);
        await Assert.ThrowsAnyAsync<ChangeStateExpiredException>(() => Groupware.GetChangesAsync(account, contacts, otherSince, 10, None));
    }
}
