using Passerelle.GroupwareAsMail.Messages;
using Passerelle.GroupwareAsMail.State;
using Passerelle.GroupwareAsMail.Switch;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.GroupwareAsMail.Folders;

/// <summary>
/// Notes, tasks and files as read-only mail folders, for the devices the switch gives them to. States and
/// changes are the groupware store's own, so a change there shows as Add, Change or Delete at the next sync.
/// </summary>
internal sealed class GroupwareMailProvider(
    GroupwareAsMailOptions options,
    GroupwareMailSwitch switches,
    MailViewBuilder views,
    IEnumerable<IGroupwareStore> stores,
    ItemMessages messages,
    ReadFlags reads,
    TimeProvider time) : IVirtualFolderProvider
{
    // MS-ASCMD FilterType 3 is one week: a shorter mail window leaves tasks out altogether.
    private static readonly TimeSpan TasksMinimumWindow = TimeSpan.FromDays(7);
    private static readonly ChangeState RootState = new("root");

    public string Name => FolderIds.Provider;

    private IGroupwareStore? Store => stores.LastOrDefault();

    public async Task<IReadOnlyList<VirtualFolder>> GetFoldersAsync(VirtualFolderContext context, CancellationToken cancellationToken) =>
        (await ViewsAsync(context, cancellationToken)).Select(v => v.Folder).ToList();

    public async Task<ChangeState> GetStateAsync(VirtualFolderContext context, string folderId, CancellationToken cancellationToken) =>
        await FindAsync(context, folderId, cancellationToken) is { Source: { } source }
            ? await Store!.GetStateAsync(context.AccountId, source.Id, cancellationToken)
            : RootState;

    public async Task<FolderChanges<MailMessage>> GetChangesAsync(VirtualFolderContext context, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, folderId, cancellationToken) is not { Source: { } source })
        {
            return new FolderChanges<MailMessage>([], [], RootState, false);
        }

        var changes = await Store!.GetChangesAsync(context.AccountId, source.Id, since, maxChanges, cancellationToken);
        var read = await reads.ReadInAsync(context.AccountId, context.DeviceId, folderId, cancellationToken);
        var now = time.GetUtcNow();
        var shown = changes.Changed
            .Where(item => InWindow(item, context.FilterWindow, now))
            .Select(item => ItemMessages.Describe(item, folderId, read.Contains(item.Id)))
            .ToList();
        return new FolderChanges<MailMessage>(shown, changes.Removed, changes.State, changes.MoreAvailable);
    }

    public async Task<MailMessage?> GetMessageAsync(VirtualFolderContext context, string folderId, string messageId, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, folderId, cancellationToken) is not { Source: { } source }
            || await Store!.GetItemAsync(context.AccountId, source.Id, messageId, cancellationToken) is not { } item)
        {
            return null;
        }

        return ItemMessages.Describe(item, folderId, await reads.IsReadAsync(context.AccountId, context.DeviceId, folderId, item.Id, cancellationToken));
    }

    public async Task<Stream> OpenMessageAsync(VirtualFolderContext context, string folderId, string messageId, CancellationToken cancellationToken)
    {
        var view = await FindAsync(context, folderId, cancellationToken);
        if (view is not { Source: { } source } || await Store!.GetItemAsync(context.AccountId, source.Id, messageId, cancellationToken) is not { } item)
        {
            throw new ItemNotFoundException($"no message {messageId} in {folderId}");
        }

        return await messages.OpenAsync(Store, context.AccountId, source, view.Path, item, cancellationToken);
    }

    public async Task<bool> SetReadAsync(VirtualFolderContext context, string folderId, string messageId, bool read, CancellationToken cancellationToken)
    {
        if (await FindAsync(context, folderId, cancellationToken) is not { Source: { } source }
            || await Store!.GetItemAsync(context.AccountId, source.Id, messageId, cancellationToken) is null)
        {
            return false;
        }

        await reads.SetAsync(context.AccountId, context.DeviceId, folderId, messageId, read, cancellationToken);
        return true;
    }

    /// <summary>The view's folders for this device; none when the switch is off for it, nor when they are written as real folders.</summary>
    private async Task<IReadOnlyList<MailView>> ViewsAsync(VirtualFolderContext context, CancellationToken cancellationToken)
    {
        // WriteToImap: the written folders are ordinary mail every device already syncs; offering these too would show them twice.
        if (options.WriteToImap || Store is not { } store)
        {
            return [];
        }

        var value = await switches.ForDeviceAsync(context.AccountId, context.DeviceId, context.DeviceType, context.ProtocolVersion, cancellationToken);
        return value.Effective == true ? views.Build(await store.GetFoldersAsync(context.AccountId, cancellationToken)) : [];
    }

    private async Task<MailView> FindAsync(VirtualFolderContext context, string folderId, CancellationToken cancellationToken) =>
        (await ViewsAsync(context, cancellationToken)).FirstOrDefault(v => v.Folder.Id == folderId)
        ?? throw new FolderNotFoundException($"the folder {folderId} is not shown to this device");

    private static bool InWindow(GroupwareItem item, TimeSpan? window, DateTimeOffset now) => window switch
    {
        null => true,
        { } days when item is TaskItem => days >= TasksMinimumWindow,
        { } days => item.LastModified >= now - days,
    };
}
