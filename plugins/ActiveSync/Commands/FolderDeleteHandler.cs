using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>FolderDelete (MS-ASCMD 2.2.1.4): special, read-only and virtual folders refuse.</summary>
internal sealed class FolderDeleteHandler(FolderOperations changes, DeviceLocks locks) : ICommandHandler
{
    public string Command => "FolderDelete";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        var serverId = request.Value(FolderHierarchy.ServerId);
        if (request.Tag != FolderHierarchy.FolderDelete || serverId is null)
        {
            return Answer(FolderStatus.MalformedRequest);
        }

        using var held = await locks.AcquireAsync(context.AccountId, context.DeviceId, cancellationToken);
        if (await changes.CheckKeyAsync(context, request.Value(FolderHierarchy.SyncKey), cancellationToken) is not { } current)
        {
            return Answer(FolderStatus.InvalidSyncKey);
        }

        var folder = current.Folders.FirstOrDefault(f => f.ServerId == serverId);
        if (folder is null)
        {
            return Answer(FolderDeleteStatus.NotFound);
        }

        if (EasFolderType.IsSpecial(folder.Type) || folder.ReadOnly || folder.Store.Source == FolderSource.Virtual)
        {
            return Answer(FolderDeleteStatus.Special);
        }

        try
        {
            if (folder.Store.Source == FolderSource.Mail)
            {
                await changes.Mail!.DeleteFolderAsync(context.AccountId, folder.Store.FolderId, cancellationToken);
            }
            else
            {
                await changes.Groupware!.DeleteFolderAsync(context.AccountId, folder.Store.FolderId, cancellationToken);
            }
        }
        catch (FolderNotFoundException)
        {
            return Answer(FolderDeleteStatus.NotFound);
        }
        catch (AccessDeniedException)
        {
            return Answer(FolderDeleteStatus.Special);
        }

        var gone = Descendants(current.Folders, serverId);
        var key = await changes.AdvanceAsync(context, current.Key, folders => folders.Where(f => !gone.Contains(f.ServerId)).ToList(), cancellationToken);
        return Answer(FolderStatus.Success, key);
    }

    private static HashSet<string> Descendants(IReadOnlyList<EasFolder> folders, string root)
    {
        var gone = new HashSet<string> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var folder in folders.Where(f => gone.Contains(f.ParentId) && !gone.Contains(f.ServerId)))
            {
                grew |= gone.Add(folder.ServerId);
            }
        }
        while (grew);
        return gone;
    }

    private static EasResponse Answer(int status, SyncKey? key = null) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(FolderHierarchy.FolderDelete);
        writer.WriteElement(FolderHierarchy.Status, status);
        if (key is { } newKey)
        {
            writer.WriteElement(FolderHierarchy.SyncKey, newKey.ToString());
        }

        writer.WriteEndElement();
    });
}
