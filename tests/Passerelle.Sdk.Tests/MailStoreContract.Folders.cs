using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

public abstract partial class MailStoreContract
{
    [Fact]
    public async Task CreateFolder_Nested_IsListedAfterItsParent()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));

        var projects = await Mail.CreateFolderAsync(account, null, "Projects", None);
        var passerelle = await Mail.CreateFolderAsync(account, projects.Id, "Passerelle", None);

        var folders = (await Mail.GetFoldersAsync(account, None)).ToList();
        Assert.Equal(MailFolderRole.None, projects.Role);
        Assert.Null(projects.ParentId);
        Assert.Equal(projects.Id, passerelle.ParentId);
        Assert.Equal("Passerelle", passerelle.Name);
        Assert.True(folders.FindIndex(f => f.Id == projects.Id) < folders.FindIndex(f => f.Id == passerelle.Id));
        Assert.Contains(folders, f => f.Id == passerelle.Id && f.ParentId == projects.Id && f.Name == "Passerelle");
    }

    [Fact]
    public async Task CreateFolder_NameTakenUnderTheSameParent_ThrowsFolderExists()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var parent = await Mail.CreateFolderAsync(account, null, "Archive 2024", None);
        await Mail.CreateFolderAsync(account, parent.Id, "Q1", None);

        await Assert.ThrowsAnyAsync<FolderExistsException>(() => Mail.CreateFolderAsync(account, parent.Id, "Q1", None));
        Assert.NotNull(await Mail.CreateFolderAsync(account, null, "Q1", None)); // another parent: allowed
    }

    [Fact]
    public async Task CreateFolder_UnknownParent_ThrowsFolderNotFound()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var gone = await Mail.CreateFolderAsync(account, null, "Gone", None);
        await Mail.DeleteFolderAsync(account, gone.Id, None);

        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.CreateFolderAsync(account, gone.Id, "Child", None));
    }

    [Fact]
    public async Task UpdateFolder_RenamesAndMoves_KeepingItsMessages()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var folder = await Mail.CreateFolderAsync(account, null, "Old name", None);
        var parent = await Mail.CreateFolderAsync(account, null, "Parent", None);
        await AppendAsync(account, folder.Id, "kept");

        var moved = await Mail.UpdateFolderAsync(account, folder.Id, parent.Id, "New name", None);

        Assert.Equal("New name", moved.Name);
        Assert.Equal(parent.Id, moved.ParentId);
        Assert.Contains(await Mail.GetFoldersAsync(account, None), f => f.Id == moved.Id && f.Name == "New name" && f.ParentId == parent.Id);
        Assert.Equal("kept", Assert.Single((await ListAsync(account, moved.Id)).Messages.Values).Envelope?.Subject);
    }

    [Fact]
    public async Task UpdateFolder_IntoItsOwnSubfolder_IsRefused()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var parent = await Mail.CreateFolderAsync(account, null, "Parent", None);
        var child = await Mail.CreateFolderAsync(account, parent.Id, "Child", None);

        await Assert.ThrowsAnyAsync<StoreException>(() => Mail.UpdateFolderAsync(account, parent.Id, child.Id, "Parent", None));
    }

    [Theory]
    [InlineData(MailFolderRole.Inbox)]
    [InlineData(MailFolderRole.Sent)]
    [InlineData(MailFolderRole.Trash)]
    public async Task SpecialFolder_CannotBeRenamedOrDeleted(MailFolderRole role)
    {
        var (account, folder) = await NewAccountWithFolderAsync(role);

        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Mail.UpdateFolderAsync(account, folder, null, "Renamed", None));
        await Assert.ThrowsAnyAsync<AccessDeniedException>(() => Mail.DeleteFolderAsync(account, folder, None));
        Assert.Single(await Mail.GetFoldersAsync(account, None), f => f.Role == role);
    }

    [Fact]
    public async Task DeleteFolder_RemovesItsSubfoldersAndMessages()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var parent = await Mail.CreateFolderAsync(account, null, "Parent", None);
        var child = await Mail.CreateFolderAsync(account, parent.Id, "Child", None);
        await AppendAsync(account, child.Id, "inside");

        await Mail.DeleteFolderAsync(account, parent.Id, None);

        var folders = await Mail.GetFoldersAsync(account, None);
        Assert.DoesNotContain(folders, f => f.Id == parent.Id || f.Id == child.Id);
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.GetStateAsync(account, child.Id, None));
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.DeleteFolderAsync(account, parent.Id, None));
    }
}
