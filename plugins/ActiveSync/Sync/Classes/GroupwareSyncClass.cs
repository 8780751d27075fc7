using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Conversion.Groupware;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Sync.Classes;

/// <summary>
/// Contacts, Calendar, Tasks and Notes collections over the groupware store: one class per converter. Both
/// sides change whole items; a change keeps what the device does not manage (ghosting). A folder the store
/// shares read-only refuses changes with Status 7 and the device gets the item back.
/// </summary>
internal sealed class GroupwareSyncClass(
    IGroupwareConverter converter,
    IEnumerable<IGroupwareStore> stores,
    SupportedElements supported,
    IEnumerable<IGroupwareChangeObserver> observers) : ISyncClass
{
    public EasClass Class => converter.Class;

    private IGroupwareStore Store => stores.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin provides groupware");

    public ICollectionSource SourceFor(CollectionContext context) => new GroupwareSource(Store, converter, context.AccountId, context.Folder.Store.FolderId);

    public bool InFilter(SourceItem item, CollectionContext context) => converter.InFilter((GroupwareItem)item.Item, context);

    public Task<Action<WbxmlWriter>> PrepareFullAsync(SourceItem item, CollectionContext context, CancellationToken cancellationToken)
    {
        var options = new GroupwareWriteOptions(context.Request.Version, context.Options.BodyPreferences);
        var stored = (GroupwareItem)item.Item;
        return Task.FromResult<Action<WbxmlWriter>>(writer => converter.Write(writer, stored, options));
    }

    public Task<Action<WbxmlWriter>> PrepareChangeAsync(SourceItem item, CollectionContext context, CancellationToken cancellationToken) =>
        PrepareFullAsync(item, context, cancellationToken);

    public async Task<ClientOutcome> AddAsync(WbxmlElement? applicationData, CollectionContext context, CancellationToken cancellationToken)
    {
        if (applicationData is null)
        {
            return new ClientOutcome(SyncStatus.ConversionError);
        }

        try
        {
            var item = converter.Read(new IncomingItem(applicationData, null, isChange: false), null, context.Request.Version);
            item = Observed(item, null, context);
            var stored = await Store.CreateItemAsync(context.AccountId, context.Folder.Store.FolderId, item, cancellationToken);
            await NotifyAsync(null, stored, context, cancellationToken);
            return ClientOutcome.Done(stored.Id);
        }
        catch (ConversionException)
        {
            return new ClientOutcome(SyncStatus.ConversionError);
        }
        catch (InvalidItemException)
        {
            return new ClientOutcome(SyncStatus.ConversionError);
        }
        catch (AccessDeniedException)
        {
            return new ClientOutcome(SyncStatus.Conflict);
        }
    }

    public async Task<ClientOutcome> ChangeAsync(string itemId, WbxmlElement? applicationData, CollectionContext context, CancellationToken cancellationToken)
    {
        if (context.Folder.ReadOnly)
        {
            return ClientOutcome.Refused;
        }

        var folderId = context.Folder.Store.FolderId;
        if (await Store.GetItemAsync(context.AccountId, folderId, itemId, cancellationToken) is not { } current)
        {
            return ClientOutcome.NotFound;
        }

        if (applicationData is null)
        {
            return ClientOutcome.Done(itemId);
        }

        try
        {
            var incoming = new IncomingItem(applicationData, await supported.GetAsync(context.Scope, cancellationToken), isChange: true);
            var changed = OccurrenceChange.IsOne(applicationData) && current is CalendarEvent series
                ? OccurrenceChange.Apply(applicationData, series)
                : converter.Read(incoming, current, context.Request.Version);
            changed = Observed(changed with { Id = current.Id, FolderId = current.FolderId }, current, context);
            var stored = await Store.UpdateItemAsync(context.AccountId, folderId, changed, cancellationToken);
            await NotifyAsync(current, stored, context, cancellationToken);
            return ClientOutcome.Done(itemId);
        }
        catch (ConversionException)
        {
            return new ClientOutcome(SyncStatus.ConversionError, itemId, Restore: true);
        }
        catch (ItemNotFoundException)
        {
            return ClientOutcome.NotFound;
        }
        catch (AccessDeniedException)
        {
            return ClientOutcome.Refused;
        }
    }

    public async Task<ClientOutcome> DeleteAsync(string itemId, bool deletesAsMoves, CollectionContext context, CancellationToken cancellationToken)
    {
        if (context.Folder.ReadOnly)
        {
            return ClientOutcome.Refused;
        }

        try
        {
            var folderId = context.Folder.Store.FolderId;
            var current = await Store.GetItemAsync(context.AccountId, folderId, itemId, cancellationToken);
            if (current is null)
            {
                return ClientOutcome.NotFound;
            }

            await Store.DeleteItemAsync(context.AccountId, folderId, itemId, cancellationToken);
            await NotifyAsync(current, null, context, cancellationToken);
            return ClientOutcome.Done(itemId);
        }
        catch (AccessDeniedException)
        {
            return ClientOutcome.Refused;
        }
    }

    private GroupwareItem Observed(GroupwareItem item, GroupwareItem? current, CollectionContext context) =>
        observers.Aggregate(item, (changed, observer) => observer.Completing(changed, current, context));

    private async Task NotifyAsync(GroupwareItem? before, GroupwareItem? after, CollectionContext context, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.ChangedAsync(before, after, context, cancellationToken);
        }
    }
}

/// <summary>What else happens when a device changes a groupware item: meetings send invitations and updates.</summary>
internal interface IGroupwareChangeObserver
{
    /// <summary>Completes an item before it is stored (a device's meeting without an organizer gets the account).</summary>
    GroupwareItem Completing(GroupwareItem item, GroupwareItem? current, CollectionContext context);

    /// <summary>After the store took the change; <paramref name="after"/> is null for a delete.</summary>
    Task ChangedAsync(GroupwareItem? before, GroupwareItem? after, CollectionContext context, CancellationToken cancellationToken);
}
