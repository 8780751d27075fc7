using System.Globalization;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;
using Passerelle.Sdk.Devices;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// The per-device settings in force for one device, typed for the code that applies them. FolderSync and
/// the protocol check apply the folder and version settings; Sync applies the others: clamp the device's
/// FilterType with <see cref="ClampFilterType"/>, its truncation with <see cref="RetrievalSize"/>, offer
/// plain text only when <see cref="TextOnly"/>, and leave out attachments per <see cref="NoAttachments"/>
/// and <see cref="MaxAttachmentSize"/>.
/// </summary>
internal sealed record DeviceSyncSettings(IReadOnlyDictionary<string, ResolvedSetting> Values)
{
    public bool DefaultMailFoldersOnly => Text(DeviceSettingCatalog.MailFolders) == "default";

    public GroupwareFolderMode GroupwareFolders => Text(DeviceSettingCatalog.GroupwareFolders) switch
    {
        "default" => GroupwareFolderMode.Default,
        "all-as-mail" => GroupwareFolderMode.AllAsMail,
        _ => GroupwareFolderMode.All,
    };

    public bool ArchiveFolders => Flag(DeviceSettingCatalog.ArchiveFolders);

    public bool SharedFolders => Flag(DeviceSettingCatalog.SharedFolders);

    public bool PublicFolders => Flag(DeviceSettingCatalog.PublicFolders);

    /// <summary>The furthest back mail goes, as a FilterType (0: no limit).</summary>
    public int MailSyncPeriod => Number(DeviceSettingCatalog.MailSyncPeriod) ?? 0;

    /// <summary>The furthest back events go, as a FilterType (0: no limit).</summary>
    public int CalendarSyncPeriod => Number(DeviceSettingCatalog.CalendarSyncPeriod) ?? 0;

    /// <summary>-1 whole bodies, 0 headers only, N the first N bytes.</summary>
    public int RetrievalSize => Number(DeviceSettingCatalog.RetrievalSize) ?? -1;

    public bool TextOnly => Flag(DeviceSettingCatalog.TextOnly);

    public bool NoAttachments => Flag(DeviceSettingCatalog.NoAttachments);

    /// <summary>Attachments above this many bytes are left out; null for no limit.</summary>
    public long? MaxAttachmentSize => Number(DeviceSettingCatalog.MaxAttachmentSize);

    /// <summary>The newest version the device may speak, or null for every version the server speaks.</summary>
    public ProtocolVersion? HighestProtocolVersion =>
        ProtocolVersion.TryParse(Text(DeviceSettingCatalog.HighestProtocolVersion), out var version) ? version : null;

    public bool TasksAsEvents => Flag(DeviceSettingCatalog.TasksAsEvents);

    /// <summary>notes, calendar, tasks or tasks-and-notes.</summary>
    public string NotesAs => Text(DeviceSettingCatalog.NotesAs);

    /// <summary>
    /// The FilterType to sync with: the device's own, unless it reaches further back than the setting
    /// allows. FilterType grows with the window up to 7 (six months); 0 means everything.
    /// </summary>
    public static int ClampFilterType(int requested, int limit) =>
        limit == 0 ? requested : requested == 0 || requested > limit ? limit : requested;

    private string Text(string name) => Values.TryGetValue(name, out var value) ? value.Value : "";

    private bool Flag(string name) => Text(name) == "1";

    private int? Number(string name) =>
        int.TryParse(Text(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
