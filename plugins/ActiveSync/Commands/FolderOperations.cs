using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// What FolderCreate, FolderUpdate and FolderDelete share: the hierarchy key check (Status 9), the store
/// that holds the folder, and a new key whose snapshot already shows the change, so that the next
/// FolderSync does not send it back.
/// </summary>
internal sealed class FolderOperations(
    FolderHierarchyBuilder hierarchy,
    HierarchyStates states,
    FolderIdMap ids,
    IEnumerable<IMailStore> mailStores,
    IEnumerable<IGroupwareStore> groupwareStores)
{
    public IMailStore? Mail => mailStores.LastOrDefault();

    public IGroupwareStore? Groupware => groupwareStores.LastOrDefault();

    /// <summary>The device's current hierarchy key and folders, or null when its key is not the newest.</summary>
    public async Task<(SyncKey Key, IReadOnlyList<EasFolder> Folders)?> CheckKeyAsync(EasContext context, string? keyText, CancellationToken cancellationToken)
    {
        if (!SyncKey.TryParse(keyText, out var key)
            || await states.LatestAsync(context.AccountId, context.DeviceId, cancellationToken) != key)
        {
            return null;
        }

        return (key, await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken));
    }

    /// <summary>Records the hierarchy after a change under a new key, and returns it.</summary>
    public async Task<SyncKey> AdvanceAsync(EasContext context, SyncKey key, Func<List<HierarchyEntry>, List<HierarchyEntry>> change, CancellationToken cancellationToken)
    {
        var known = await states.FindAsync(context.AccountId, context.DeviceId, key, cancellationToken);
        var next = key.Next;
        await states.SaveAsync(context.AccountId, context.DeviceId, next, change([.. known?.Folders ?? []]), keep: null, cancellationToken);
        return next;
    }

    public Task<IReadOnlyDictionary<FolderRef, string>> AssignAsync(string accountId, FolderRef folder, EasClass easClass, CancellationToken cancellationToken) =>
        ids.AssignAsync(accountId, [(folder, easClass)], cancellationToken);

    public Task RemapAsync(string accountId, FolderRef from, FolderRef to, CancellationToken cancellationToken) =>
        ids.RemapAsync(accountId, from, to, cancellationToken);
}
