using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Push;

/// <summary>Tells which of a device's synced folders have changed in their store since the device last synced them.</summary>
internal sealed class FolderStateProbe(CollectionStateStore states, SyncClasses classes, TimeProvider time)
{
    /// <summary>The folders whose store state differs from the one the device is in step with. Folders it never synced are not reported (FIELD-NOTES 6).</summary>
    public async Task<IReadOnlyList<EasFolder>> ChangedAsync(EasContext context, IEnumerable<EasFolder> folders, CancellationToken cancellationToken)
    {
        var changed = new List<EasFolder>();
        foreach (var folder in folders)
        {
            if (classes.For(folder.Class) is not { } syncClass)
            {
                continue;
            }

            var scope = new CollectionScope(context.AccountId, context.DeviceId, folder.ServerId);
            var known = await states.GetAsync(scope, cancellationToken);
            if (known.Count == 0 || !known[0].SnapshotDone)
            {
                continue;
            }

            try
            {
                var source = syncClass.SourceFor(new CollectionContext(context, folder, scope, new SyncOptions { FilterType = known[0].FilterType }, time.GetUtcNow()));
                var current = await source.GetStateAsync(cancellationToken);
                if (current.Value != known[0].StoreState)
                {
                    changed.Add(folder);
                }
            }
            catch (FolderNotFoundException)
            {
                changed.Add(folder); // gone: the Sync will say so
            }
        }

        return changed;
    }
}
