using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// FolderSync (MS-ASCMD 2.2.1.5): with key 0 the whole hierarchy, then what changed since the device's key.
/// An unknown key is Status 9 and the device starts again from 0; folder ServerIds stay the same
/// (FIELD-NOTES 5: Gmail sends key 0 on pull-to-refresh).
/// </summary>
internal sealed class FolderSyncHandler(FolderHierarchyBuilder hierarchy, HierarchyStates states, DeviceLocks locks) : ICommandHandler
{
    public string Command => "FolderSync";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        var keyText = request.Value(FolderHierarchy.SyncKey);
        if (request.Tag != FolderHierarchy.FolderSync || keyText is null)
        {
            return Status(FolderSyncStatus.MalformedRequest);
        }

        using var held = await locks.AcquireAsync(context.AccountId, context.DeviceId, cancellationToken);
        var current = (await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken)).Select(f => f.Entry).ToList();
        if (keyText == SyncKey.Initial)
        {
            var fresh = SyncKey.NewEpoch();
            await states.SaveAsync(context.AccountId, context.DeviceId, fresh, current, keep: null, cancellationToken);
            return Changes(fresh, HierarchyDiff.Between([], current));
        }

        if (!SyncKey.TryParse(keyText, out var key) || await states.FindAsync(context.AccountId, context.DeviceId, key, cancellationToken) is not { } known)
        {
            return Status(FolderSyncStatus.InvalidSyncKey);
        }

        var diff = HierarchyDiff.Between(known.Folders, current);
        if (diff.IsEmpty)
        {
            return Changes(key, diff);
        }

        // A repeated older key replaces the newer one: the device never saw it.
        var next = key.Next;
        await states.SaveAsync(context.AccountId, context.DeviceId, next, current, keep: key, cancellationToken);
        return Changes(next, diff);
    }

    private static EasResponse Changes(SyncKey key, HierarchyDiff diff) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(FolderHierarchy.FolderSync);
        writer.WriteElement(FolderHierarchy.Status, FolderSyncStatus.Success);
        writer.WriteElement(FolderHierarchy.SyncKey, key.ToString());
        writer.WriteStartElement(FolderHierarchy.Changes);
        writer.WriteElement(FolderHierarchy.Count, diff.Count);
        foreach (var folder in diff.Added)
        {
            WriteFolder(writer, FolderHierarchy.Add, folder);
        }

        foreach (var folder in diff.Updated)
        {
            WriteFolder(writer, FolderHierarchy.Update, folder);
        }

        foreach (var serverId in diff.Deleted)
        {
            writer.WriteStartElement(FolderHierarchy.Delete);
            writer.WriteElement(FolderHierarchy.ServerId, serverId);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    private static void WriteFolder(WbxmlWriter writer, WbxmlTag element, HierarchyEntry folder)
    {
        writer.WriteStartElement(element);
        writer.WriteElement(FolderHierarchy.ServerId, folder.ServerId);
        writer.WriteElement(FolderHierarchy.ParentId, folder.ParentId);
        writer.WriteElement(FolderHierarchy.DisplayName, folder.DisplayName);
        writer.WriteElement(FolderHierarchy.Type, folder.Type);
        writer.WriteEndElement();
    }

    private static EasResponse Status(int status) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(FolderHierarchy.FolderSync);
        writer.WriteElement(FolderHierarchy.Status, status);
        writer.WriteEndElement();
    });
}

/// <summary>The statuses of FolderSync (MS-ASCMD 2.2.3.177.5).</summary>
internal static class FolderSyncStatus
{
    public const int Success = 1;
    public const int ServerError = 6;
    public const int InvalidSyncKey = 9;
    public const int MalformedRequest = 10;
}
