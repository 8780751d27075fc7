using Passerelle.ActiveSync.Conversion.Groupware;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Sync;

/// <summary>A folder of the groupware store as a collection source.</summary>
internal sealed class GroupwareSource(IGroupwareStore store, IGroupwareConverter converter, string accountId, string folderId) : ICollectionSource
{
    public Task<ChangeState> GetStateAsync(CancellationToken cancellationToken) => store.GetStateAsync(accountId, folderId, cancellationToken);

    public async Task<SourceChanges> GetChangesAsync(ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        var changes = await store.GetChangesAsync(accountId, folderId, since, maxChanges, cancellationToken);
        return new SourceChanges(changes.Changed.Where(i => i.Kind == converter.Kind).Select(Item).ToList(), changes.Removed, changes.State, changes.MoreAvailable);
    }

    public async Task<SourceItem?> GetItemAsync(string itemId, CancellationToken cancellationToken) =>
        await store.GetItemAsync(accountId, folderId, itemId, cancellationToken) is { } item && item.Kind == converter.Kind ? Item(item) : null;

    private SourceItem Item(GroupwareItem item) => new(item.Id, converter.SortDate(item), item);
}
