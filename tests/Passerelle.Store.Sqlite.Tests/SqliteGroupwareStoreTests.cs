using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.Groupware;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>Public and directory folders, collected addresses, and cleanup, which the contract leaves to each store.</summary>
public sealed class SqliteGroupwareStoreTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task FolderSharedWithADomain_IsPublicToItsAccounts_AndInvisibleElsewhere()
    {
        await using var store = await SqliteHarness.CreateAsync();
        await store.Administration.AddDomainAsync("elsewhere.test", None);
        var owner = await store.CreateAccountAsync("owner");
        var colleague = await store.CreateAccountAsync("colleague");
        var outsider = (await store.Administration.AddAccountAsync("out@elsewhere.test", null, null, false, None)).Id;
        var sharing = store.Services.GetRequiredService<GroupwareSharing>();
        var holidays = await sharing.CreateFolderAsync(owner, GroupwareKind.Calendar, "Company holidays", GroupwareFolderRole.Public, None);

        await sharing.ShareAsync(owner, holidays.Id, "@example.test", FolderAccess.ReadOnly, None);

        var seen = Assert.Single(await store.Groupware.GetFoldersAsync(colleague, None), f => f.Id == holidays.Id);
        Assert.Equal(GroupwareFolderRole.Public, seen.Role);
        Assert.Equal(FolderAccess.ReadOnly, seen.Access);
        Assert.DoesNotContain(await store.Groupware.GetFoldersAsync(outsider, None), f => f.Id == holidays.Id);
    }

    [Fact]
    public async Task DirectoryBook_KeepsItsRoleForEveryViewer()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var owner = await store.CreateAccountAsync("owner");
        var viewer = await store.CreateAccountAsync("viewer");
        var sharing = store.Services.GetRequiredService<GroupwareSharing>();
        var book = await sharing.CreateFolderAsync(owner, GroupwareKind.Contacts, "Suppliers", GroupwareFolderRole.Directory, None);

        await sharing.ShareAsync(owner, book.Id, "@example.test", FolderAccess.ReadOnly, None);

        Assert.Equal(GroupwareFolderRole.Directory, (await store.Groupware.GetFoldersAsync(viewer, None)).Single(f => f.Id == book.Id).Role);
    }

    [Fact]
    public async Task EveryAccount_HasCollectedAddresses()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var account = await store.CreateAccountAsync("alice");

        var folders = await store.Groupware.GetFoldersAsync(account, None);

        Assert.Single(folders, f => f.Kind == GroupwareKind.Contacts && f.Role == GroupwareFolderRole.CollectedAddresses);
    }

    [Fact]
    public async Task RemovingAnAccount_RemovesItsFoldersAndTheSharesItHad()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var owner = await store.CreateAccountAsync("owner");
        var viewer = await store.CreateAccountAsync("viewer");
        var calendar = (await store.Groupware.GetFoldersAsync(owner, None)).Single(f => f.Kind == GroupwareKind.Calendar && f.Role == GroupwareFolderRole.Default);
        await store.ShareGroupwareFolderAsync(owner, calendar.Id, viewer, FolderAccess.ReadOnly);
        var viewersNotes = (await store.Groupware.GetFoldersAsync(viewer, None)).Single(f => f.Kind == GroupwareKind.Notes && f.Role == GroupwareFolderRole.Default);
        await store.ShareGroupwareFolderAsync(viewer, viewersNotes.Id, owner, FolderAccess.ReadWrite);

        await store.RemoveAccountAsync(owner);

        Assert.DoesNotContain(await store.Groupware.GetFoldersAsync(viewer, None), f => f.Id == calendar.Id);
        await Assert.ThrowsAsync<Sdk.Errors.FolderNotFoundException>(() => store.Groupware.GetStateAsync(owner, viewersNotes.Id, None));
    }

    [Fact]
    public async Task GroupwareWorks_ForAnAccountTheDirectoryDoesNotKnow_AsBesideAnImapStore()
    {
        await using var store = await SqliteHarness.CreateAsync();

        var folders = await store.Groupware.GetFoldersAsync("someone@imap.example", None);
        var notes = folders.Single(f => f.Kind == GroupwareKind.Notes && f.Role == GroupwareFolderRole.Default);
        var note = await store.Groupware.CreateItemAsync("someone@imap.example", notes.Id, new Note { Subject = "kept" }, None);

        Assert.Equal("kept", ((Note)(await store.Groupware.GetItemAsync("someone@imap.example", notes.Id, note.Id, None))!).Subject);
    }
}
