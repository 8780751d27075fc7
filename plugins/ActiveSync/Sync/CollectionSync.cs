using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Folders;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// One collection of one Sync request: checks the key (SyncKey 0 resets; the previous key replays the last
/// step consistently; any other is Status 3), applies the device's commands, collects the server's changes
/// up to the window, and records the step under a new key.
/// </summary>
internal sealed class CollectionSync(
    CollectionStateStore states,
    ClientAdds clientAdds,
    ServerChangeCollector collector,
    SupportedElements supported)
{
    public async Task<CollectionResult> RunAsync(CollectionRequest request, CollectionContext context, ISyncClass syncClass, SyncWindow window, CancellationToken cancellationToken)
    {
        var result = new CollectionResult(request.CollectionId);
        if (request.SyncKey == SyncKey.Initial)
        {
            await supported.SaveAsync(context.Scope, request.Supported, cancellationToken);
            return await InitialAsync(context, result, cancellationToken);
        }

        var known = await states.GetAsync(context.Scope, cancellationToken);
        if (!SyncKey.TryParse(request.SyncKey, out var key) || known.FirstOrDefault(state => state.Key == key) is not { } current)
        {
            result.Status = SyncStatus.InvalidSyncKey;
            result.SyncKey = SyncKey.Initial;
            return result;
        }

        if (known[0].Key != key)
        {
            // The device repeats the key before the newest one: our last answer never reached it.
            await states.RevertAsync(context.Scope, known[0].Key.Serial, cancellationToken);
            current = current with { Replays = await states.CountReplayAsync(context.Scope, key.Serial, cancellationToken) };
        }
        else
        {
            await states.ConfirmAsync(context.Scope, key.Serial, cancellationToken);
        }

        var step = new SyncStep();
        var clientTouched = await ApplyClientCommandsAsync(request, context, syncClass, result, step, cancellationToken);
        var next = current with { Key = current.Key.Next, Replays = 0 };
        // A quarantined device syncs only from the device to the server.
        if ((request.GetChanges ?? true) && Devices.DeviceAccess.SendsServerChanges(context.Request.Device))
        {
            try
            {
                next = await collector.CollectAsync(context, syncClass, current, next, clientTouched, window, result, step, cancellationToken);
            }
            catch (ChangeStateExpiredException)
            {
                // The store cannot say what changed since our state (IMAP UIDVALIDITY changed): list the folder again.
                next = await collector.CollectAsync(context, syncClass, current with { StoreState = null, SnapshotDone = false }, next with { StoreState = null, SnapshotDone = false }, clientTouched, window, result, step, cancellationToken);
            }
        }

        await FinishAsync(context, current, next, step, result, cancellationToken);
        return result;
    }

    private async Task<CollectionResult> InitialAsync(CollectionContext context, CollectionResult result, CancellationToken cancellationToken)
    {
        var known = await states.GetAsync(context.Scope, cancellationToken);
        // FIELD-NOTES 2: iOS sends SyncKey 0 twice for one folder; the second attaches to the first.
        var state = known is [{ Key.Serial: 1 } only] && only.FilterType == context.Options.FilterType && await states.IsUntouchedAsync(context.Scope, cancellationToken)
            ? only
            : await states.ResetAsync(context.Scope, context.Options.FilterType, cancellationToken);
        result.SyncKey = state.Key.ToString();
        return result;
    }

    private async Task<HashSet<string>> ApplyClientCommandsAsync(CollectionRequest request, CollectionContext context, ISyncClass syncClass, CollectionResult result, SyncStep step, CancellationToken cancellationToken)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in request.Commands)
        {
            switch (command)
            {
                case ClientAdd add:
                    await AddAsync(add, context, syncClass, result, step, touched, cancellationToken);
                    break;
                case ClientChange change:
                    await ChangeAsync(change, context, syncClass, result, step, touched, cancellationToken);
                    break;
                case ClientDelete delete:
                    await DeleteAsync(delete, request.DeletesAsMoves, context, syncClass, result, step, touched, cancellationToken);
                    break;
                case ClientFetch fetch:
                    await FetchAsync(fetch, context, syncClass, result, cancellationToken);
                    break;
            }
        }

        return touched;
    }

    private async Task AddAsync(ClientAdd add, CollectionContext context, ISyncClass syncClass, CollectionResult result, SyncStep step, HashSet<string> touched, CancellationToken cancellationToken)
    {
        if (await clientAdds.FindAsync(context.Scope, add.ClientId, cancellationToken) is { } existing)
        {
            result.Responses.Add(new ClientResponse(ServerCommandKind.Add, add.ClientId, context.ServerIdOf(existing), SyncStatus.Success));
            step.Added.Add(existing);
            touched.Add(existing);
            return;
        }

        var outcome = context.Folder.ReadOnly
            ? ClientOutcome.Refused
            : await syncClass.AddAsync(add.ApplicationData, context, cancellationToken);
        if (outcome is { Status: SyncStatus.Success, ItemId: { } itemId })
        {
            await clientAdds.RecordAsync(context.Scope, add.ClientId, itemId, cancellationToken);
            step.Added.Add(itemId);
            touched.Add(itemId);
            result.Responses.Add(new ClientResponse(ServerCommandKind.Add, add.ClientId, context.ServerIdOf(itemId), SyncStatus.Success));
            return;
        }

        result.Responses.Add(new ClientResponse(ServerCommandKind.Add, add.ClientId, null, outcome.Status == SyncStatus.Success ? SyncStatus.ServerError : outcome.Status));
    }

    private async Task ChangeAsync(ClientChange change, CollectionContext context, ISyncClass syncClass, CollectionResult result, SyncStep step, HashSet<string> touched, CancellationToken cancellationToken)
    {
        var outcome = context.ItemIdOf(change.ServerId) is not { } itemId
            ? ClientOutcome.NotFound
            : await syncClass.ChangeAsync(itemId, change.ApplicationData, context, cancellationToken);
        if (context.ItemIdOf(change.ServerId) is { } id)
        {
            touched.Add(id);
            if (outcome.Restore)
            {
                step.Requeued.Add(id);
            }
        }

        if (outcome.Status != SyncStatus.Success)
        {
            result.Responses.Add(new ClientResponse(ServerCommandKind.Change, null, change.ServerId, outcome.Status));
        }
    }

    private async Task DeleteAsync(ClientDelete delete, bool deletesAsMoves, CollectionContext context, ISyncClass syncClass, CollectionResult result, SyncStep step, HashSet<string> touched, CancellationToken cancellationToken)
    {
        if (context.ItemIdOf(delete.ServerId) is not { } itemId)
        {
            result.Responses.Add(new ClientResponse(ServerCommandKind.Delete, null, delete.ServerId, SyncStatus.ObjectNotFound));
            return;
        }

        var outcome = await syncClass.DeleteAsync(itemId, deletesAsMoves, context, cancellationToken);
        touched.Add(itemId);
        // The device has deleted it whatever we answer: a refused delete is undone by sending the item again.
        step.Removed.Add(itemId);
        if (outcome.Restore)
        {
            step.Requeued.Add(itemId);
        }

        // A delete of an item already gone (another device, or our own earlier answer that was lost) succeeded.
        if (outcome.Status is not (SyncStatus.Success or SyncStatus.ObjectNotFound))
        {
            result.Responses.Add(new ClientResponse(ServerCommandKind.Delete, null, delete.ServerId, outcome.Status));
        }
    }

    private static async Task FetchAsync(ClientFetch fetch, CollectionContext context, ISyncClass syncClass, CollectionResult result, CancellationToken cancellationToken)
    {
        var source = syncClass.SourceFor(context);
        if (context.ItemIdOf(fetch.ServerId) is not { } itemId || await source.GetItemAsync(itemId, cancellationToken) is not { } item)
        {
            result.Responses.Add(new ClientResponse(ServerCommandKind.Add, null, fetch.ServerId, SyncStatus.ObjectNotFound) { IsFetch = true });
            return;
        }

        var write = await syncClass.PrepareFullAsync(item, context, cancellationToken);
        result.Responses.Add(new ClientResponse(ServerCommandKind.Add, null, fetch.ServerId, SyncStatus.Success, write) { IsFetch = true });
    }

    private async Task FinishAsync(CollectionContext context, CollectionState current, CollectionState next, SyncStep step, CollectionResult result, CancellationToken cancellationToken)
    {
        var changed = !step.IsEmpty || result.Commands.Count > 0 || result.Responses.Any(r => !r.IsFetch);
        if (changed)
        {
            await states.CommitAsync(context.Scope, next, step, cancellationToken);
            result.SyncKey = next.Key.ToString();
            return;
        }

        if (next.StoreState != current.StoreState || next.SnapshotDone != current.SnapshotDone)
        {
            await states.AdvanceInPlaceAsync(context.Scope, next with { Key = current.Key }, cancellationToken);
        }

        result.SyncKey = current.Key.ToString();
    }
}
