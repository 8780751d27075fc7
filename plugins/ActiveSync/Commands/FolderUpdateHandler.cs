using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>FolderUpdate (MS-ASCMD 2.2.1.6): rename or move a folder; special and read-only folders refuse.</summary>
internal sealed class FolderUpdateHandler(FolderOperations changes, DeviceLocks locks) : ICommandHandler
{
    public string Command => "FolderUpdate";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        var serverId = request.Value(FolderHierarchy.ServerId);
        var name = request.Value(FolderHierarchy.DisplayName);
        var parentId = request.Value(FolderHierarchy.ParentId) ?? "0";
        if (request.Tag != FolderHierarchy.FolderUpdate || serverId is null || string.IsNullOrWhiteSpace(name))
        {
            return Answer(FolderStatus.MalformedRequest);
        }

        using var held = await locks.AcquireAsync(context.AccountId, context.DeviceId, cancellationToken);
        if (await changes.CheckKeyAsync(context, request.Value(FolderHierarchy.SyncKey), cancellationToken) is not { } current)
        {
            return Answer(FolderStatus.InvalidSyncKey);
        }

        var folder = current.Folders.FirstOrDefault(f => f.ServerId == serverId);
        var parent = parentId == "0" ? null : current.Folders.FirstOrDefault(f => f.ServerId == parentId);
        if (folder is null)
        {
            return Answer(FolderUpdateStatus.NotFound);
        }

        if (parentId != "0" && (parent is null || parent.Store.Source != folder.Store.Source))
        {
            return Answer(FolderUpdateStatus.ParentNotFound);
        }

        if (EasFolderType.IsSpecial(folder.Type) || folder.ReadOnly || folder.Store.Source == FolderSource.Virtual)
        {
            return Answer(FolderUpdateStatus.ExistsOrSpecial);
        }

        try
        {
            var renamed = folder.Store.Source == FolderSource.Mail
                ? new FolderRef(FolderSource.Mail, (await changes.Mail!.UpdateFolderAsync(context.AccountId, folder.Store.FolderId, parent?.Store.FolderId, name, cancellationToken)).Id)
                : new FolderRef(FolderSource.Groupware, (await changes.Groupware!.UpdateFolderAsync(context.AccountId, folder.Store.FolderId, parent?.Store.FolderId, name, cancellationToken)).Id);
            if (renamed != folder.Store)
            {
                await changes.RemapAsync(context.AccountId, folder.Store, renamed, cancellationToken);
            }

            var key = await changes.AdvanceAsync(context, current.Key, folders =>
                folders.Select(f => f.ServerId == serverId ? f with { DisplayName = name, ParentId = parentId } : f).ToList(), cancellationToken);
            return Answer(FolderStatus.Success, key);
        }
        catch (FolderExistsException)
        {
            return Answer(FolderUpdateStatus.ExistsOrSpecial);
        }
        catch (AccessDeniedException)
        {
            return Answer(FolderUpdateStatus.ExistsOrSpecial);
        }
        catch (FolderNotFoundException)
        {
            return Answer(FolderUpdateStatus.NotFound);
        }
    }

    private static EasResponse Answer(int status, SyncKey? key = null) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(FolderHierarchy.FolderUpdate);
        writer.WriteElement(FolderHierarchy.Status, status);
        if (key is { } newKey)
        {
            writer.WriteElement(FolderHierarchy.SyncKey, newKey.ToString());
        }

        writer.WriteEndElement();
    });
}
