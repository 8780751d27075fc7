using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>FolderCreate (MS-ASCMD 2.2.1.3): a mail folder (type 12) or a groupware folder (13, 14, 15, 17).</summary>
internal sealed class FolderCreateHandler(FolderOperations changes, DeviceLocks locks) : ICommandHandler
{
    public string Command => "FolderCreate";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        var name = request.Value(FolderHierarchy.DisplayName);
        var parentId = request.Value(FolderHierarchy.ParentId) ?? "0";
        if (request.Tag != FolderHierarchy.FolderCreate || string.IsNullOrWhiteSpace(name) || request.Int(FolderHierarchy.Type) is not { } type)
        {
            return Answer(FolderStatus.MalformedRequest);
        }

        using var held = await locks.AcquireAsync(context.AccountId, context.DeviceId, cancellationToken);
        if (await changes.CheckKeyAsync(context, request.Value(FolderHierarchy.SyncKey), cancellationToken) is not { } current)
        {
            return Answer(FolderStatus.InvalidSyncKey);
        }

        var parent = parentId == "0" ? null : current.Folders.FirstOrDefault(f => f.ServerId == parentId);
        if (parentId != "0" && parent is null)
        {
            return Answer(FolderCreateStatus.ParentNotFound);
        }

        if (parent is { ReadOnly: true } || parent?.Store.Source == FolderSource.Virtual)
        {
            return Answer(FolderCreateStatus.SpecialParent);
        }

        try
        {
            var (store, easClass) = await CreateAsync(context.AccountId, type, parent, name, cancellationToken);
            var serverId = (await changes.AssignAsync(context.AccountId, store, easClass, cancellationToken))[store];
            var key = await changes.AdvanceAsync(context, current.Key, folders => [.. folders, new HierarchyEntry(serverId, parentId, name, type)], cancellationToken);
            return Answer(FolderStatus.Success, key, serverId);
        }
        catch (FolderExistsException)
        {
            return Answer(FolderCreateStatus.AlreadyExists);
        }
        catch (FolderNotFoundException)
        {
            return Answer(FolderCreateStatus.ParentNotFound);
        }
        catch (AccessDeniedException)
        {
            return Answer(FolderCreateStatus.SpecialParent);
        }
    }

    private async Task<(FolderRef Store, EasClass Class)> CreateAsync(string accountId, int type, EasFolder? parent, string name, CancellationToken cancellationToken)
    {
        var kind = type switch
        {
            EasFolderType.UserCalendar => GroupwareKind.Calendar,
            EasFolderType.UserContacts => GroupwareKind.Contacts,
            EasFolderType.UserTasks => GroupwareKind.Tasks,
            EasFolderType.UserNotes => GroupwareKind.Notes,
            _ => (GroupwareKind?)null,
        };
        if (kind is null)
        {
            var mail = changes.Mail ?? throw new StoreUnavailableException("no store plugin provides mail");
            var created = await mail.CreateFolderAsync(accountId, parent?.Store.Source == FolderSource.Mail ? parent.Store.FolderId : null, name, cancellationToken);
            return (new FolderRef(FolderSource.Mail, created.Id), EasClass.Email);
        }

        var groupware = changes.Groupware ?? throw new StoreUnavailableException("no store plugin provides groupware");
        var folder = await groupware.CreateFolderAsync(accountId, kind.Value, parent?.Store.Source == FolderSource.Groupware ? parent.Store.FolderId : null, name, cancellationToken);
        return (new FolderRef(FolderSource.Groupware, folder.Id), kind.Value switch
        {
            GroupwareKind.Calendar => EasClass.Calendar,
            GroupwareKind.Contacts => EasClass.Contacts,
            GroupwareKind.Tasks => EasClass.Tasks,
            _ => EasClass.Notes,
        });
    }

    private static EasResponse Answer(int status, SyncKey? key = null, string? serverId = null) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(FolderHierarchy.FolderCreate);
        writer.WriteElement(FolderHierarchy.Status, status);
        if (key is { } newKey)
        {
            writer.WriteElement(FolderHierarchy.SyncKey, newKey.ToString());
            writer.WriteElement(FolderHierarchy.ServerId, serverId!);
        }

        writer.WriteEndElement();
    });
}
