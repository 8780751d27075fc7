using Passerelle.Sdk.Changes;

namespace Passerelle.ActiveSync.Sync;

/// <summary>How many items the next Syncs of a collection will bring (GetItemEstimate), without changing any state.</summary>
internal sealed class ItemEstimator(CollectionStateStore states)
{
    private const int Page = 1000;

    public async Task<int> EstimateAsync(CollectionContext context, ISyncClass syncClass, CollectionState state, CancellationToken cancellationToken)
    {
        var source = syncClass.SourceFor(context);
        if (!state.SnapshotDone || state.FilterType != context.Options.FilterType)
        {
            return await CountAsync(source, null, item => syncClass.InFilter(item, context), cancellationToken);
        }

        var pending = await states.PendingCountAsync(context.Scope, cancellationToken);
        var since = state.StoreState is { } text ? new ChangeState(text) : (ChangeState?)null;
        return pending + await CountAsync(source, since, item => syncClass.InFilter(item, context), cancellationToken);
    }

    private static async Task<int> CountAsync(ICollectionSource source, ChangeState? since, Func<SourceItem, bool> inFilter, CancellationToken cancellationToken)
    {
        var count = 0;
        SourceChanges page;
        do
        {
            page = await source.GetChangesAsync(since, Page, cancellationToken);
            count += page.Changed.Count(inFilter) + page.Removed.Count;
            since = page.State;
        }
        while (page.MoreAvailable);
        return count;
    }
}
