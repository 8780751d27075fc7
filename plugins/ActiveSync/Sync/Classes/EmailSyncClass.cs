using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Sync.Classes;

/// <summary>
/// Email collections: mail folders of the mail store and virtual folders. Server wins for content (MIME
/// never changes), the device wins for flags; deletes go to Deleted Items unless the device says otherwise.
/// </summary>
internal sealed class EmailSyncClass(IEnumerable<IMailStore> mailStores, IEnumerable<IVirtualFolderProvider> providers) : ISyncClass
{
    public EasClass Class => EasClass.Email;

    private IMailStore Mail => mailStores.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin provides mail");

    public ICollectionSource SourceFor(CollectionContext context) => context.Folder.Store.Source switch
    {
        FolderSource.Virtual => new VirtualSource(ProviderOf(context.Folder.Store.FolderId), context.Request.VirtualContext with { FilterWindow = context.Options.FilterWindow }, context.Folder.Store.FolderId),
        _ => new MailSource(Mail, context.AccountId, context.Folder.Store.FolderId),
    };

    public bool InFilter(SourceItem item, CollectionContext context) => context.WithinWindow(item.Date);

    public async Task<Action<WbxmlWriter>> PrepareFullAsync(SourceItem item, CollectionContext context, CancellationToken cancellationToken)
    {
        var message = (MailMessage)item.Item;
        await using var mime = await OpenAsync(context, message.Id, cancellationToken);
        var email = await EmailReader.ReadAsync(message, mime, OptionsFor(context), context.ServerIdOf(message.Id), cancellationToken);
        return email.WriteApplicationData;
    }

    public Task<Action<WbxmlWriter>> PrepareChangeAsync(SourceItem item, CollectionContext context, CancellationToken cancellationToken)
    {
        var message = (MailMessage)item.Item;
        return Task.FromResult<Action<WbxmlWriter>>(writer => EmailReader.WriteFlagsChange(writer, message, context.Request.Version));
    }

    public async Task<ClientOutcome> AddAsync(WbxmlElement? applicationData, CollectionContext context, CancellationToken cancellationToken)
    {
        // MS-ASEMAIL 3.1.5.?: a device adds mail only as a 16.x draft, in the Drafts folder.
        if (applicationData is null || context.Request.Version < Http.ProtocolVersion.V160 || context.Folder.Type != EasFolderType.Drafts)
        {
            return new ClientOutcome(SyncStatus.ConversionError);
        }

        var draft = DraftBuilder.Build(applicationData, context.Request.Account.Address, context.Request.Account.DisplayName);
        using var mime = new MemoryStream();
        await draft.WriteToAsync(mime, cancellationToken);
        mime.Position = 0;
        var stored = await Mail.AppendAsync(context.AccountId, context.Folder.Store.FolderId, mime, MessageFlags.Draft | MessageFlags.Seen, null, cancellationToken);
        return ClientOutcome.Done(stored.Id);
    }

    public async Task<ClientOutcome> ChangeAsync(string itemId, WbxmlElement? applicationData, CollectionContext context, CancellationToken cancellationToken)
    {
        if (context.Folder.ReadOnly)
        {
            return ClientOutcome.Refused;
        }

        if (applicationData is null)
        {
            return ClientOutcome.Done(itemId);
        }

        try
        {
            await Mail.UpdateMessageAsync(context.AccountId, context.Folder.Store.FolderId, itemId, EmailChangeReader.Read(applicationData), cancellationToken);
            return ClientOutcome.Done(itemId);
        }
        catch (ItemNotFoundException)
        {
            return ClientOutcome.NotFound;
        }
    }

    public async Task<ClientOutcome> DeleteAsync(string itemId, bool deletesAsMoves, CollectionContext context, CancellationToken cancellationToken)
    {
        if (context.Folder.ReadOnly)
        {
            return ClientOutcome.Refused;
        }

        var folderId = context.Folder.Store.FolderId;
        try
        {
            if (deletesAsMoves && await TrashOfAsync(context.AccountId, cancellationToken) is { } trash && trash != folderId)
            {
                await Mail.MoveMessageAsync(context.AccountId, folderId, itemId, trash, cancellationToken);
            }
            else
            {
                await Mail.DeleteMessagesAsync(context.AccountId, folderId, [itemId], cancellationToken);
            }

            return ClientOutcome.Done(itemId);
        }
        catch (ItemNotFoundException)
        {
            return ClientOutcome.NotFound;
        }
    }

    private async Task<string?> TrashOfAsync(string accountId, CancellationToken cancellationToken) =>
        (await Mail.GetFoldersAsync(accountId, cancellationToken)).FirstOrDefault(f => f.Role == MailFolderRole.Trash)?.Id;

    private Task<Stream> OpenAsync(CollectionContext context, string messageId, CancellationToken cancellationToken) =>
        context.Folder.Store.Source == FolderSource.Virtual
            ? ProviderOf(context.Folder.Store.FolderId).OpenMessageAsync(context.Request.VirtualContext, context.Folder.Store.FolderId, messageId, cancellationToken)
            : Mail.OpenMessageAsync(context.AccountId, context.Folder.Store.FolderId, messageId, cancellationToken);

    private IVirtualFolderProvider ProviderOf(string folderId) =>
        providers.FirstOrDefault(p => folderId.StartsWith(p.Name + ":", StringComparison.Ordinal))
        ?? throw new FolderNotFoundException($"no provider serves the folder {folderId}");

    internal static EmailOptions OptionsFor(CollectionContext context) => new()
    {
        Version = context.Request.Version,
        BodyPreferences = context.Options.BodyPreferences,
        MimeSupport = context.Options.MimeSupport,
        MimeTruncation = context.Options.MimeTruncation,
    };
}
