using Passerelle.ActiveSync.Folders;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// What a device may see and receive, for FolderSync and Sync. FolderSync's hierarchy (and so which
/// collections Sync accepts) follows <see cref="FolderVisibilityAsync"/>. A quarantined device syncs only
/// from the device to the server (<see cref="SendsServerChanges"/> is false): Sync applies its changes and
/// sends it nothing, and only its default folders (<see cref="QuarantineFolderTypes"/>) exist for it.
/// </summary>
internal sealed class DeviceAccess(DeviceRepository devices, DeviceSettingsProvider settings)
{
    /// <summary>The folder types of the default folders, all a quarantined device sees.</summary>
    public static readonly IReadOnlySet<int> QuarantineFolderTypes = new HashSet<int>
    {
        EasFolderType.Inbox, EasFolderType.Drafts, EasFolderType.DeletedItems, EasFolderType.SentItems, EasFolderType.Outbox,
        EasFolderType.Tasks, EasFolderType.Calendar, EasFolderType.Contacts, EasFolderType.Notes,
    };

    public static bool IsQuarantined(Device device) => device.AccessState == DeviceAccessState.Quarantined;

    /// <summary>Whether Sync may send the server's changes to the device (not while it is quarantined).</summary>
    public static bool SendsServerChanges(Device device) => !IsQuarantined(device);

    /// <summary>The folder types a device may sync, or null for all.</summary>
    public static IReadOnlySet<int>? AllowedFolderTypes(Device device) => IsQuarantined(device) ? QuarantineFolderTypes : null;

    public async Task<FolderVisibility> FolderVisibilityAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        var device = await devices.GetAsync(accountId, deviceId, cancellationToken);
        var deviceSettings = await settings.GetAsync(accountId, deviceId, cancellationToken);
        return FolderVisibility.For(deviceSettings, device?.AccessState ?? DeviceAccessState.Allowed);
    }
}
