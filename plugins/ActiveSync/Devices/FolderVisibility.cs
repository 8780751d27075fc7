using Passerelle.Sdk.Devices;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// Which folders a device is given, from its per-device settings and its access: a quarantined device
/// gets the default folders only (and no virtual folders), whatever its settings.
/// </summary>
internal sealed record FolderVisibility(bool DefaultMailOnly, GroupwareFolderMode Groupware, bool Archive, bool Shared, bool Public, bool Virtual)
{
    public static FolderVisibility Everything { get; } = new(false, GroupwareFolderMode.All, true, true, true, true);

    public static FolderVisibility For(DeviceSyncSettings settings, DeviceAccessState access) =>
        access == DeviceAccessState.Quarantined
            ? new(true, GroupwareFolderMode.Default, false, false, false, false)
            : new(settings.DefaultMailFoldersOnly, settings.GroupwareFolders, settings.ArchiveFolders, settings.SharedFolders, settings.PublicFolders, true);

    public bool IncludesMail(MailFolderRole role) => role switch
    {
        MailFolderRole.Inbox or MailFolderRole.Drafts or MailFolderRole.Sent or MailFolderRole.Trash or MailFolderRole.Outbox => true,
        MailFolderRole.Archive => !DefaultMailOnly && Archive,
        _ => !DefaultMailOnly,
    };

    public bool IncludesGroupware(GroupwareFolderRole role) => role switch
    {
        GroupwareFolderRole.Default => true,
        _ when Groupware == GroupwareFolderMode.Default => false,
        GroupwareFolderRole.Shared => Shared,
        GroupwareFolderRole.Public => Public,
        _ => true,
    };
}
