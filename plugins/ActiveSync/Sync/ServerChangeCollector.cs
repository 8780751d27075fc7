using Microsoft.Extensions.Options;
using Passerelle.Sdk.Changes;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// Collects the server's changes for one collection, up to the window: first what changed in the store
/// since the device's state, then the items of the first listing still to send, newest first. Each item
/// is sent as Add when the device lacks it, Change when it holds it, Delete when it is gone.
/// </summary>
internal sealed class ServerChangeCollector(CollectionStateStore states, ItemFailures failures, IOptionsMonitor<ActiveSyncOptions> options)
{
    private const int ListingPage = 1000;

    public async Task<CollectionState> CollectAsync(
        CollectionContext context, ISyncClass syncClass, CollectionState current, CollectionState next,
        HashSet<string> clientTouched, SyncWindow window, CollectionResult result, SyncStep step, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var source = syncClass.SourceFor(context);
        var filterChanged = current.SnapshotDone && current.FilterType != context.Options.FilterType;
        if (!current.SnapshotDone || filterChanged)
        {
            next = await ListAsync(context, syncClass, source, next, clientTouched, result, step, cancellationToken);
        }

        // FIELD-NOTES 3: an answer lost again and again is cut to one item, then the item is skipped.
        var limit = current.Replays >= 2 ? 1 : window.For(WindowSizeOf(context), settings.MaxWindowSize);
        var emitted = new Emitter(context, syncClass, states, failures, settings.MaxItemAttempts, current.Replays, result, step);
        next = await IncrementalAsync(source, next, clientTouched, emitted, limit, window, cancellationToken);
        if (emitted.Count < limit && !window.PastDeadline)
        {
            await PendingAsync(source, context, emitted, limit, window, cancellationToken);
        }

        window.Use(emitted.Count);
        result.MoreAvailable = next.StoreState is null
            || emitted.IncrementalMore
            || await states.HasPendingBesidesAsync(context.Scope, step.Consumed, cancellationToken);
        return next;
    }

    private static int? WindowSizeOf(CollectionContext context) => context.CollectionWindow;

    /// <summary>
    /// Lists the whole folder once (the first sync, or after the FilterType changed or the store state
    /// expired): items in the window the device lacks become pending, items it holds outside it are soft-deleted.
    /// </summary>
    private async Task<CollectionState> ListAsync(CollectionContext context, ISyncClass syncClass, ICollectionSource source, CollectionState next, HashSet<string> clientTouched, CollectionResult result, SyncStep step, CancellationToken cancellationToken)
    {
        ChangeState? state = null;
        var pending = new List<(string, string)>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        SourceChanges page;
        do
        {
            page = await source.GetChangesAsync(state, ListingPage, cancellationToken);
            var held = await states.HeldAsync(context.Scope, page.Changed.Select(i => i.Id).ToList(), cancellationToken);
            foreach (var item in page.Changed.Where(item => syncClass.InFilter(item, context)))
            {
                listed.Add(item.Id);
                // What the device added in this very request it holds already: no echo.
                if (!held.Contains(item.Id) && !clientTouched.Contains(item.Id))
                {
                    pending.Add((item.Id, item.SortKey));
                }
            }

            foreach (var removed in page.Removed)
            {
                listed.Remove(removed);
            }

            state = page.State;
        }
        while (page.MoreAvailable);

        await states.AddPendingAsync(context.Scope, pending, cancellationToken);
        if (await states.HeldCountAsync(context.Scope, cancellationToken) > 0)
        {
            var everyHeld = await states.HeldNotInAsync(context.Scope, listed, cancellationToken);
            foreach (var gone in everyHeld)
            {
                result.Commands.Add(new ServerCommand(ServerCommandKind.SoftDelete, context.ServerIdOf(gone)));
                step.Removed.Add(gone);
            }
        }

        return next with { StoreState = state?.Value, SnapshotDone = true, FilterType = context.Options.FilterType };
    }

    private static async Task<CollectionState> IncrementalAsync(ICollectionSource source, CollectionState next, HashSet<string> clientTouched, Emitter emitter, int limit, SyncWindow window, CancellationToken cancellationToken)
    {
        var state = next.StoreState is { } text ? new ChangeState(text) : (ChangeState?)null;
        for (var round = 0; round < 20 && emitter.Count < limit && !window.PastDeadline; round++)
        {
            var page = await source.GetChangesAsync(state, limit - emitter.Count, cancellationToken);
            await emitter.IncrementalAsync(page, clientTouched, cancellationToken);
            state = page.State;
            emitter.IncrementalMore = page.MoreAvailable;
            if (!page.MoreAvailable)
            {
                break;
            }
        }

        return next with { StoreState = state?.Value };
    }

    private static async Task PendingAsync(ICollectionSource source, CollectionContext context, Emitter emitter, int limit, SyncWindow window, CancellationToken cancellationToken)
    {
        // Skipped items (given up on, or gone) do not count against the window: fetch until it is full.
        while (emitter.Count < limit && !window.PastDeadline)
        {
            var ids = (await emitter.States.NextPendingAsync(context.Scope, limit - emitter.Count + emitter.Step.Consumed.Count, cancellationToken))
                .Where(id => !emitter.Step.Consumed.Contains(id))
                .ToList();
            if (ids.Count == 0)
            {
                return;
            }

            foreach (var id in ids)
            {
                if (emitter.Count >= limit || window.PastDeadline)
                {
                    return;
                }

                emitter.Step.Consumed.Add(id);
                if (await source.GetItemAsync(id, cancellationToken) is { } item)
                {
                    await emitter.PendingAsync(item, cancellationToken);
                }
            }
        }
    }
}
