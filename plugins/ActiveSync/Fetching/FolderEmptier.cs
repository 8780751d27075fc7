using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Fetching;

/// <summary>
/// EmptyFolderContents: deletes every message of a mail folder (for good: it is how a device empties
/// Deleted Items), and its subfolders when asked. The device has removed them already, so its own sync
/// state forgets them; every other device gets the Deletes at its next Sync.
/// </summary>
internal sealed class FolderEmptier(FolderHierarchyBuilder hierarchy, CollectionStateStore states, IEnumerable<IMailStore> mailStores)
{
    private const int PageSize = 500;

    public async Task<OperationResult> EmptyAsync(EasContext context, EmptyFolderOperation operation, CancellationToken cancellationToken)
    {
        var folders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var folder = folders.FirstOrDefault(f => f.ServerId == operation.CollectionId);
        if (folder is null)
        {
            return new EmptiedFolder(ItemOperationsStatus.NotFound, operation.CollectionId);
        }

        if (folder.ReadOnly || folder.Store.Source != FolderSource.Mail || mailStores.LastOrDefault() is not { } mail)
        {
            return new EmptiedFolder(ItemOperationsStatus.AccessDenied, operation.CollectionId);
        }

        try
        {
            await DeleteMessagesAsync(mail, context, folder, cancellationToken);
            if (operation.DeleteSubFolders)
            {
                foreach (var child in folders.Where(f => f.ParentId == folder.ServerId && f.Store.Source == FolderSource.Mail))
                {
                    await mail.DeleteFolderAsync(context.AccountId, child.Store.FolderId, cancellationToken);
                }
            }
        }
        catch (AccessDeniedException)
        {
            return new EmptiedFolder(ItemOperationsStatus.AccessDenied, operation.CollectionId);
        }
        catch (FolderNotFoundException)
        {
            return new EmptiedFolder(ItemOperationsStatus.NotFound, operation.CollectionId);
        }

        return new EmptiedFolder(ItemOperationsStatus.Success, operation.CollectionId);
    }

    private async Task DeleteMessagesAsync(IMailStore mail, EasContext context, EasFolder folder, CancellationToken cancellationToken)
    {
        var scope = new CollectionScope(context.AccountId, context.DeviceId, folder.ServerId);
        while (true)
        {
            // A listing from no state is the folder's current content; what was deleted is no longer in it.
            var page = await mail.GetChangesAsync(context.AccountId, folder.Store.FolderId, null, PageSize, cancellationToken);
            if (page.Changed.Count == 0)
            {
                return;
            }

            var ids = page.Changed.Select(message => message.Id).ToList();
            await mail.DeleteMessagesAsync(context.AccountId, folder.Store.FolderId, ids, cancellationToken);
            foreach (var id in ids)
            {
                await states.ForgetAsync(scope, id, cancellationToken);
            }
        }
    }
}
