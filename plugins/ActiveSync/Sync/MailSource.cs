using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Sync;

/// <summary>A mail folder of the mail store as a collection source.</summary>
internal sealed class MailSource(IMailStore store, string accountId, string folderId) : ICollectionSource
{
    public IMailStore Store => store;

    public string FolderId => folderId;

    public Task<ChangeState> GetStateAsync(CancellationToken cancellationToken) => store.GetStateAsync(accountId, folderId, cancellationToken);

    public async Task<SourceChanges> GetChangesAsync(ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        var changes = await store.GetChangesAsync(accountId, folderId, since, maxChanges, cancellationToken);
        return new SourceChanges(changes.Changed.Select(Item).ToList(), changes.Removed, changes.State, changes.MoreAvailable);
    }

    public async Task<SourceItem?> GetItemAsync(string itemId, CancellationToken cancellationToken) =>
        await store.GetMessageAsync(accountId, folderId, itemId, cancellationToken) is { } message ? Item(message) : null;

    public Task<Stream> OpenAsync(string itemId, CancellationToken cancellationToken) => store.OpenMessageAsync(accountId, folderId, itemId, cancellationToken);

    private static SourceItem Item(MailMessage message) => new(message.Id, message.ReceivedAt, message);
}

/// <summary>A folder of a virtual folder provider as a collection source: read-only mail.</summary>
internal sealed class VirtualSource(IVirtualFolderProvider provider, VirtualFolderContext context, string folderId) : ICollectionSource
{
    public Task<ChangeState> GetStateAsync(CancellationToken cancellationToken) => provider.GetStateAsync(context, folderId, cancellationToken);

    public async Task<SourceChanges> GetChangesAsync(ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        var changes = await provider.GetChangesAsync(context, folderId, since, maxChanges, cancellationToken);
        return new SourceChanges(changes.Changed.Select(Item).ToList(), changes.Removed, changes.State, changes.MoreAvailable);
    }

    public async Task<SourceItem?> GetItemAsync(string itemId, CancellationToken cancellationToken) =>
        await provider.GetMessageAsync(context, folderId, itemId, cancellationToken) is { } message ? Item(message) : null;

    public Task<Stream> OpenAsync(string itemId, CancellationToken cancellationToken) => provider.OpenMessageAsync(context, folderId, itemId, cancellationToken);

    private static SourceItem Item(MailMessage message) => new(message.Id, message.ReceivedAt, message);
}
