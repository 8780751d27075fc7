using Passerelle.Sdk.Changes;

namespace Passerelle.ActiveSync.Sync;

/// <summary>Where a collection's items come from: a mail folder, a virtual folder, or a groupware folder.</summary>
internal interface ICollectionSource
{
    Task<ChangeState> GetStateAsync(CancellationToken cancellationToken);

    /// <summary>Changes since a state, as the store reports them.</summary>
    Task<SourceChanges> GetChangesAsync(ChangeState? since, int maxChanges, CancellationToken cancellationToken);

    /// <summary>One item's current form, or null when it is gone.</summary>
    Task<SourceItem?> GetItemAsync(string itemId, CancellationToken cancellationToken);
}

/// <summary>An item of a source: its id, the date filters apply to, and the store's record.</summary>
/// <param name="Id">The item's id in the store.</param>
/// <param name="Date">Received date for mail, start or due date for groupware; what FilterType compares.</param>
/// <param name="Item">The store's record (<see cref="Passerelle.Sdk.Mail.MailMessage"/> or a groupware item).</param>
internal sealed record SourceItem(string Id, DateTimeOffset? Date, object Item)
{
    /// <summary>Orders a first listing newest first.</summary>
    public string SortKey => (Date ?? DateTimeOffset.MinValue).UtcDateTime.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A page of changes from a source.</summary>
internal sealed record SourceChanges(IReadOnlyList<SourceItem> Changed, IReadOnlyList<string> Removed, ChangeState State, bool MoreAvailable);
