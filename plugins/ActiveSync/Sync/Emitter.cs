namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// Turns store items into the server's commands of one collection, counting them against the window and
/// skipping (then giving up on) items that fail to convert.
/// </summary>
internal sealed class Emitter(
    CollectionContext context,
    ISyncClass syncClass,
    CollectionStateStore states,
    ItemFailures failures,
    int maxAttempts,
    int replays,
    CollectionResult result,
    SyncStep step)
{
    public CollectionStateStore States => states;

    public SyncStep Step => step;

    /// <summary>Commands counted against the window.</summary>
    public int Count { get; private set; }

    public bool IncrementalMore { get; set; }

    private bool _culpritGivenUp;

    public async Task IncrementalAsync(SourceChanges page, HashSet<string> clientTouched, CancellationToken cancellationToken)
    {
        var ids = page.Changed.Select(item => item.Id).Concat(page.Removed).ToList();
        var held = await states.HeldAsync(context.Scope, ids, cancellationToken);
        foreach (var item in page.Changed)
        {
            step.Consumed.Add(item.Id); // a pending copy of it is now superseded
            if (clientTouched.Contains(item.Id) && held.Contains(item.Id))
            {
                continue; // the device's own change: no echo
            }

            if (held.Contains(item.Id))
            {
                await EmitAsync(ServerCommandKind.Change, item, cancellationToken);
            }
            else if (syncClass.InFilter(item, context))
            {
                await EmitAsync(ServerCommandKind.Add, item, cancellationToken);
            }
        }

        foreach (var removed in page.Removed)
        {
            step.Consumed.Add(removed);
            if (held.Contains(removed) && !step.Removed.Contains(removed))
            {
                result.Commands.Add(new ServerCommand(ServerCommandKind.Delete, context.ServerIdOf(removed)));
                step.Removed.Add(removed);
                Count++;
            }
        }
    }

    /// <summary>An item of the first listing, or one sent again: Add unless the device holds it.</summary>
    public async Task PendingAsync(SourceItem item, CancellationToken cancellationToken)
    {
        var held = (await states.HeldAsync(context.Scope, [item.Id], cancellationToken)).Contains(item.Id) && !step.Removed.Contains(item.Id);
        await EmitAsync(held ? ServerCommandKind.Change : ServerCommandKind.Add, item, cancellationToken);
    }

    private async Task EmitAsync(ServerCommandKind kind, SourceItem item, CancellationToken cancellationToken)
    {
        if (await failures.IsSkippedAsync(context.Scope, item.Id, maxAttempts, cancellationToken))
        {
            return;
        }

        // A window of one whose answer was lost again and again: this item is the one that breaks the device.
        if (replays >= maxAttempts && !_culpritGivenUp)
        {
            _culpritGivenUp = true;
            await failures.RecordAsync(context.Scope, item.Id, "the device kept losing the answer carrying it", 1, cancellationToken);
            return;
        }

        try
        {
            var write = kind == ServerCommandKind.Add
                ? await syncClass.PrepareFullAsync(item, context, cancellationToken)
                : await syncClass.PrepareChangeAsync(item, context, cancellationToken);
            result.Commands.Add(new ServerCommand(kind, context.ServerIdOf(item.Id), write));
            if (kind == ServerCommandKind.Add)
            {
                step.Added.Add(item.Id);
            }

            Count++;
        }
        catch (Exception failure) when (failure is not (OperationCanceledException or OutOfMemoryException or Passerelle.Sdk.Errors.StoreUnavailableException))
        {
            if (!await failures.RecordAsync(context.Scope, item.Id, failure.Message, maxAttempts, cancellationToken))
            {
                step.Requeued.Add(item.Id); // tried again at the next step, until given up on
            }
        }
    }
}
