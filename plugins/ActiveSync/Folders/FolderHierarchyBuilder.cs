using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Folders;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Folders;

/// <summary>
/// The folders a device sees: the account's mail folders, its groupware folders own and shared (but for
/// collected addresses and directory books, which stay in the GAL, and files, which EAS has no class for),
/// and the folders of every virtual folder provider.
/// </summary>
internal sealed class FolderHierarchyBuilder(
    IEnumerable<IMailStore> mailStores,
    IEnumerable<IGroupwareStore> groupwareStores,
    IEnumerable<IVirtualFolderProvider> virtualProviders,
    Sync.SyncClasses classes,
    FolderIdMap ids,
    Devices.DeviceAccess access)
{
    public async Task<IReadOnlyList<EasFolder>> BuildAsync(VirtualFolderContext device, ProtocolVersion version, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        // The device's folder settings and its access (quarantine: default folders only) decide what it sees.
        var visibility = await access.FolderVisibilityAsync(device.AccountId, device.DeviceId, cancellationToken);
        if (mailStores.LastOrDefault() is { } mail)
        {
            foreach (var folder in (await mail.GetFoldersAsync(device.AccountId, cancellationToken)).Where(f => visibility.IncludesMail(f.Role)))
            {
                candidates.Add(new Candidate(
                    new FolderRef(FolderSource.Mail, folder.Id),
                    folder.ParentId is null ? null : new FolderRef(FolderSource.Mail, folder.ParentId),
                    folder.Name, MailType(folder.Role), EasClass.Email, ReadOnly: false));
            }
        }

        if (groupwareStores.LastOrDefault() is { } groupware)
        {
            foreach (var folder in (await groupware.GetFoldersAsync(device.AccountId, cancellationToken)).Where(f => visibility.IncludesGroupware(f.Role)))
            {
                if (GroupwareClass(folder, version) is { } easClass && classes.Supports(easClass))
                {
                    candidates.Add(new Candidate(
                        new FolderRef(FolderSource.Groupware, folder.Id),
                        folder.ParentId is null ? null : new FolderRef(FolderSource.Groupware, folder.ParentId),
                        folder.Name, GroupwareType(folder), easClass, folder.Access == FolderAccess.ReadOnly));
                }
            }
        }

        foreach (var provider in visibility.Virtual ? virtualProviders : [])
        {
            foreach (var folder in await provider.GetFoldersAsync(device, cancellationToken))
            {
                var parent = folder.ParentId switch
                {
                    null => (FolderRef?)null,
                    var id when id.StartsWith(provider.Name + ":", StringComparison.Ordinal) => new FolderRef(FolderSource.Virtual, id),
                    var id => new FolderRef(FolderSource.Mail, id),
                };
                candidates.Add(new Candidate(new FolderRef(FolderSource.Virtual, folder.Id), parent, folder.Name, EasFolderType.UserMail, EasClass.Email, ReadOnly: true));
            }
        }

        var serverIds = await ids.AssignAsync(device.AccountId, candidates.Select(c => (c.Store, c.Class)).ToList(), cancellationToken);
        return candidates
            .Select(c => new EasFolder(
                serverIds[c.Store],
                c.Parent is { } parent && serverIds.TryGetValue(parent, out var parentId) && candidates.Any(other => other.Store == parent) ? parentId : "0",
                c.Name, c.Type, c.Store, c.Class, c.ReadOnly))
            .ToList();
    }

    private static int MailType(MailFolderRole role) => role switch
    {
        MailFolderRole.Inbox => EasFolderType.Inbox,
        MailFolderRole.Drafts => EasFolderType.Drafts,
        MailFolderRole.Trash => EasFolderType.DeletedItems,
        MailFolderRole.Sent => EasFolderType.SentItems,
        MailFolderRole.Outbox => EasFolderType.Outbox,
        _ => EasFolderType.UserMail,
    };

    private static EasClass? GroupwareClass(GroupwareFolder folder, ProtocolVersion version)
    {
        if (folder.Role is GroupwareFolderRole.CollectedAddresses or GroupwareFolderRole.Directory)
        {
            return null;
        }

        return folder.Kind switch
        {
            GroupwareKind.Contacts => EasClass.Contacts,
            GroupwareKind.Calendar => EasClass.Calendar,
            GroupwareKind.Tasks => EasClass.Tasks,
            GroupwareKind.Notes when version >= ProtocolVersion.V140 => EasClass.Notes, // the Notes class came with 14.0
            _ => null,
        };
    }

    private static int GroupwareType(GroupwareFolder folder)
    {
        var isDefault = folder.Role == GroupwareFolderRole.Default;
        return folder.Kind switch
        {
            GroupwareKind.Contacts => isDefault ? EasFolderType.Contacts : EasFolderType.UserContacts,
            GroupwareKind.Calendar => isDefault ? EasFolderType.Calendar : EasFolderType.UserCalendar,
            GroupwareKind.Tasks => isDefault ? EasFolderType.Tasks : EasFolderType.UserTasks,
            _ => isDefault ? EasFolderType.Notes : EasFolderType.UserNotes,
        };
    }

    private sealed record Candidate(FolderRef Store, FolderRef? Parent, string Name, int Type, EasClass Class, bool ReadOnly);
}
