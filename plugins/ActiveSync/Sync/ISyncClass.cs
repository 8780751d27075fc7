using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// What differs between Email, Contacts, Calendar, Tasks and Notes: reading items into ApplicationData,
/// applying a device's changes, and the filter. The sync machinery is the same for all.
/// </summary>
internal interface ISyncClass
{
    EasClass Class { get; }

    /// <summary>The source of a collection of this class.</summary>
    ICollectionSource SourceFor(CollectionContext context);

    /// <summary>Whether an item belongs on the device under the collection's filter.</summary>
    bool InFilter(SourceItem item, CollectionContext context);

    /// <summary>Reads an item for an Add or a Fetch; throws when it cannot be converted.</summary>
    Task<Action<WbxmlWriter>> PrepareFullAsync(SourceItem item, CollectionContext context, CancellationToken cancellationToken);

    /// <summary>Reads an item for a Change the device already holds an older version of.</summary>
    Task<Action<WbxmlWriter>> PrepareChangeAsync(SourceItem item, CollectionContext context, CancellationToken cancellationToken);

    Task<ClientOutcome> AddAsync(WbxmlElement? applicationData, CollectionContext context, CancellationToken cancellationToken);

    Task<ClientOutcome> ChangeAsync(string itemId, WbxmlElement? applicationData, CollectionContext context, CancellationToken cancellationToken);

    Task<ClientOutcome> DeleteAsync(string itemId, bool deletesAsMoves, CollectionContext context, CancellationToken cancellationToken);
}

/// <summary>What became of a client's command.</summary>
/// <param name="Status">The Sync status for it.</param>
/// <param name="ItemId">The item's id (the new one for an Add).</param>
/// <param name="Restore">Whether the server's version must be sent back (a refused change or delete).</param>
internal sealed record ClientOutcome(int Status, string? ItemId = null, bool Restore = false)
{
    public static ClientOutcome Done(string? itemId = null) => new(SyncStatus.Success, itemId);

    public static ClientOutcome NotFound { get; } = new(SyncStatus.ObjectNotFound);

    public static ClientOutcome Refused { get; } = new(SyncStatus.Conflict, Restore: true);
}
