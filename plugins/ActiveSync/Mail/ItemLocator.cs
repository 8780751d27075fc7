using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Folders;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Mail;

/// <summary>Finds the message behind a ServerId (<c>collection:item</c>) or a Search LongId (the same form), in a mail or virtual folder.</summary>
internal sealed class ItemLocator(FolderHierarchyBuilder hierarchy, IEnumerable<IMailStore> mailStores, IEnumerable<IVirtualFolderProvider> providers)
{
    public async Task<LocatedMessage?> FindAsync(EasContext context, string? collectionId, string serverId, CancellationToken cancellationToken)
    {
        var colon = serverId.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var folderId = collectionId ?? serverId[..colon];
        var itemId = serverId[(colon + 1)..];
        var folder = (await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken)).FirstOrDefault(f => f.ServerId == folderId && f.Class == EasClass.Email);
        if (folder is null || serverId[..colon] != folder.ServerId)
        {
            return null;
        }

        var message = folder.Store.Source switch
        {
            FolderSource.Mail when mailStores.LastOrDefault() is { } mail => await mail.GetMessageAsync(context.AccountId, folder.Store.FolderId, itemId, cancellationToken),
            FolderSource.Virtual when Provider(folder) is { } provider => await provider.GetMessageAsync(context.VirtualContext, folder.Store.FolderId, itemId, cancellationToken),
            _ => null,
        };
        return message is null ? null : new LocatedMessage(folder, message, this);
    }

    internal Task<Stream> OpenAsync(EasContext context, EasFolder folder, string itemId, CancellationToken cancellationToken) =>
        folder.Store.Source == FolderSource.Virtual
            ? Provider(folder)!.OpenMessageAsync(context.VirtualContext, folder.Store.FolderId, itemId, cancellationToken)
            : (mailStores.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin provides mail")).OpenMessageAsync(context.AccountId, folder.Store.FolderId, itemId, cancellationToken);

    private IVirtualFolderProvider? Provider(EasFolder folder) =>
        providers.FirstOrDefault(p => folder.Store.FolderId.StartsWith(p.Name + ":", StringComparison.Ordinal));
}

/// <summary>A message found by its ServerId.</summary>
internal sealed record LocatedMessage(EasFolder Folder, MailMessage Message, ItemLocator Locator)
{
    public Task<Stream> OpenAsync(EasContext context, CancellationToken cancellationToken) => Locator.OpenAsync(context, Folder, Message.Id, cancellationToken);
}
