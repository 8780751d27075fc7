using Passerelle.GroupwareAsMail.Folders;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Tests.Folders;

/// <summary>Which mail folders an account's groupware folders become.</summary>
public sealed class MailViewBuilderTests
{
    private readonly MailViewBuilder _builder = new(new GroupwareAsMailOptions());

    [Fact]
    public void OnlyNotesTasksAndFiles_UnderTheParent_ParentsFirst()
    {
        var views = _builder.Build(
        [
            new GroupwareFolder("5", "3", "Projects", GroupwareKind.Files, "alice@example.test"),
            new GroupwareFolder("1", null, "Contacts", GroupwareKind.Contacts, "alice@example.test") { Role = GroupwareFolderRole.Default },
            new GroupwareFolder("2", null, "Calendar", GroupwareKind.Calendar, "alice@example.test") { Role = GroupwareFolderRole.Default },
            new GroupwareFolder("3", null, "Files", GroupwareKind.Files, "alice@example.test") { Role = GroupwareFolderRole.Default },
        ]);

        Assert.Equal([(FolderIds.Root, (string?)null, "Groupware"), (FolderIds.Of("3"), FolderIds.Root, "Files"), (FolderIds.Of("5"), FolderIds.Of("3"), "Projects")],
            views.Select(v => (v.Folder.Id, v.Folder.ParentId, v.Folder.Name)));
        Assert.Equal("Files/Projects", views[2].Path);
    }

    [Fact]
    public void ASharedFolderNamedAsAnOwnOne_GetsItsOwnerInItsName()
    {
        var views = _builder.Build(
        [
            new GroupwareFolder("4", null, "Notes", GroupwareKind.Notes, "alice@example.test") { Role = GroupwareFolderRole.Default },
            new GroupwareFolder("9", null, "Notes", GroupwareKind.Notes, "bob@example.test") { Role = GroupwareFolderRole.Shared, Access = FolderAccess.ReadOnly },
        ]);

        Assert.Equal(["Groupware", "Notes", "Notes (bob@example.test)"], views.Select(v => v.Folder.Name));
    }
}
