using MailKit;
using MailKit.Net.Imap;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Changes;
using Passerelle.Store.Imap.Connections;
using SdkFolderNotFound = Passerelle.Sdk.Errors.FolderNotFoundException;

using MailFolder = Passerelle.Sdk.Mail.MailFolder;
using IMailStore = Passerelle.Sdk.Mail.IMailStore;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// The user's own IMAP mailboxes as the mail store. Every operation runs once on one of the user's pooled
/// sessions (<see cref="ImapSessionPool"/>); server failures become <see cref="StoreUnavailableException"/>
/// and nothing is retried, so nothing is applied twice. Writes also wake the change feed at once.
/// </summary>
internal sealed partial class ImapMailStore(
    ImapSessionPool pool,
    SnapshotChangeReader snapshots,
    ChangeHub hub,
    ImapOptions options,
    StorePaths paths) : IMailStore
{
    public Task<IReadOnlyList<MailFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, "listing folders", client => FolderCatalog.ListAsync(client, createMissing: true, cancellationToken), cancellationToken);

    public Task<MailFolder> CreateFolderAsync(string accountId, string? parentId, string name, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, $"creating folder '{name}'", async client =>
        {
            var parent = await ParentAsync(client, parentId, cancellationToken);
            CheckName(client, name);
            await ThrowIfExistsAsync(parent, name, cancellationToken);
            var created = await parent.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new FolderExistsException($"A folder '{name}' already exists there.");
            return new MailFolder(created.FullName, parentId, created.Name, MailFolderRole.None);
        }, cancellationToken);

    public Task<MailFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, $"renaming folder '{folderId}'", async client =>
        {
            var folder = await EditableFolderAsync(client, folderId, cancellationToken);
            if (parentId is not null && (parentId == folderId || parentId.StartsWith(folderId + folder.DirectorySeparator, StringComparison.Ordinal)))
            {
                throw new AccessDeniedException($"Folder '{folderId}' cannot be moved into itself.");
            }

            var parent = await ParentAsync(client, parentId, cancellationToken);
            CheckName(client, name);
            if (parent.FullName != folder.ParentFolder?.FullName || name != folder.Name)
            {
                await ThrowIfExistsAsync(parent, name, cancellationToken);
                await folder.RenameAsync(parent, name, cancellationToken);
                await snapshots.ForgetAsync(accountId, folderId, cancellationToken);
            }

            return new MailFolder(folder.FullName, parentId, folder.Name, MailFolderRole.None);
        }, cancellationToken);

    public Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, $"deleting folder '{folderId}'", async client =>
        {
            var folder = await EditableFolderAsync(client, folderId, cancellationToken);
            await DeleteSubtreeAsync(accountId, client, folder, includeSelf: true, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task DeleteSubtreeAsync(string accountId, ImapClient client, IMailFolder folder, bool includeSelf, CancellationToken cancellationToken)
    {
        foreach (var doomed in await FolderCatalog.SubtreeAsync(client, folder, cancellationToken))
        {
            if (!includeSelf && doomed.FullName == folder.FullName)
            {
                continue;
            }

            if (doomed.IsOpen)
            {
                await doomed.CloseAsync(false, cancellationToken);
            }

            await doomed.DeleteAsync(cancellationToken);
            await snapshots.ForgetAsync(accountId, doomed.FullName, cancellationToken);
        }
    }

    private static async Task<IMailFolder> EditableFolderAsync(ImapClient client, string folderId, CancellationToken cancellationToken)
    {
        var folders = await FolderCatalog.ListAsync(client, createMissing: false, cancellationToken);
        if (folders.All(folder => folder.Id != folderId))
        {
            throw new SdkFolderNotFound($"Folder '{folderId}' does not exist.");
        }

        if (FolderCatalog.RoleOf(folders, folderId) != MailFolderRole.None)
        {
            throw new AccessDeniedException($"Folder '{folderId}' is a special folder; it cannot be renamed or deleted.");
        }

        return await client.GetFolderAsync(folderId, cancellationToken);
    }

    private static async Task<IMailFolder> ParentAsync(ImapClient client, string? parentId, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return client.GetFolder(client.PersonalNamespaces[0]);
        }

        var parent = await client.GetFolderAsync(parentId, cancellationToken);
        if ((parent.Attributes & (FolderAttributes.NonExistent | FolderAttributes.NoSelect)) != 0)
        {
            throw new SdkFolderNotFound($"Folder '{parentId}' does not exist.");
        }

        return parent;
    }

    private static void CheckName(ImapClient client, string name)
    {
        var separator = client.PersonalNamespaces[0].DirectorySeparator;
        if (string.IsNullOrWhiteSpace(name) || name.Contains(separator) || name.Any(char.IsControl) || name.Length > 255)
        {
            throw new InvalidItemException($"'{name}' is not a valid folder name: it must be 1-255 characters without '{separator}'.");
        }
    }

    private static async Task ThrowIfExistsAsync(IMailFolder parent, string name, CancellationToken cancellationToken)
    {
        var siblings = await parent.GetSubfoldersAsync(false, cancellationToken);
        var topLevelInbox = parent.FullName.Length == 0 && name.Equals("INBOX", StringComparison.OrdinalIgnoreCase);
        if (topLevelInbox || siblings.Any(sibling => sibling.Name == name && (sibling.Attributes & FolderAttributes.NonExistent) == 0))
        {
            throw new FolderExistsException($"A folder '{name}' already exists there.");
        }
    }
}

/// <summary>Where the plugin keeps its files in the data directory.</summary>
/// <param name="DataDirectory">The data directory.</param>
internal sealed record StorePaths(string DataDirectory)
{
    /// <summary>Large messages being read, deleted when their stream is closed.</summary>
    public string Temporary => Path.Combine(DataDirectory, "tmp", "store-imap");
}
