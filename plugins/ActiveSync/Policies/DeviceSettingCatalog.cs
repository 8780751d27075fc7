namespace Passerelle.ActiveSync.Policies;

/// <summary>
/// What a device is given whatever it asks for: which folders, how far back, how much of each message.
/// Set at the same levels as the policy (usually per device), read by FolderSync and Sync.
/// </summary>
internal static class DeviceSettingCatalog
{
    public const string MailFolders = "MailFolders";
    public const string GroupwareFolders = "GroupwareFolders";
    public const string ArchiveFolders = "ArchiveFolders";
    public const string SharedFolders = "SharedFolders";
    public const string PublicFolders = "PublicFolders";
    public const string MailSyncPeriod = "MailSyncPeriod";
    public const string CalendarSyncPeriod = "CalendarSyncPeriod";
    public const string RetrievalSize = "RetrievalSize";
    public const string TextOnly = "TextOnly";
    public const string NoAttachments = "NoAttachments";
    public const string MaxAttachmentSize = "MaxAttachmentSize";
    public const string HighestProtocolVersion = "HighestProtocolVersion";
    public const string TasksAsEvents = "TasksAsEvents";
    public const string NotesAs = "NotesAs";

    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new(MailFolders, PolicyValueType.Choice, "all") { Choices = ["default", "all"], Description = "default: Inbox, Drafts, Sent, Deleted Items and Outbox only" },
        new(GroupwareFolders, PolicyValueType.Choice, "all") { Choices = ["default", "all", "all-as-mail"], Description = "all-as-mail: also notes, tasks and files as mail folders (GroupwareAsMail)" },
        new(ArchiveFolders, PolicyValueType.Boolean, "1") { Description = "archive mail folders are synced" },
        new(SharedFolders, PolicyValueType.Boolean, "1") { Description = "folders other accounts share are synced" },
        new(PublicFolders, PolicyValueType.Boolean, "1") { Description = "public folders of the domain are synced" },
        new(MailSyncPeriod, PolicyValueType.Integer, "0", 0, 5) { Description = "the furthest back mail syncs, as a FilterType: 0 all, 1 a day, 2 three days, 3 a week, 4 two weeks, 5 a month" },
        new(CalendarSyncPeriod, PolicyValueType.Integer, "0", 0, 7) { Description = "the furthest back events sync, as a FilterType: 0 all, 4 two weeks, 5 a month, 6 three months, 7 six months" },
        new(RetrievalSize, PolicyValueType.Integer, "-1", -1) { Description = "-1 whole messages, 0 headers only, N the first N bytes of a body" },
        new(TextOnly, PolicyValueType.Boolean, "0") { Description = "bodies in plain text only" },
        new(NoAttachments, PolicyValueType.Boolean, "0") { Description = "attachments are not offered" },
        new(MaxAttachmentSize, PolicyValueType.IntegerOrEmpty, "", 0) { Description = "larger attachments are not offered; empty for no limit" },
        new(HighestProtocolVersion, PolicyValueType.Choice, "") { Choices = ["", "12.0", "12.1", "14.0", "14.1", "16.0", "16.1"], Description = "the newest protocol version the device may use; empty for every version" },
        new(TasksAsEvents, PolicyValueType.Boolean, "0") { Description = "tasks are shown as calendar events" },
        new(NotesAs, PolicyValueType.Choice, "notes") { Choices = ["notes", "calendar", "tasks", "tasks-and-notes"], Description = "how notes are shown" },
    ];

    public static SettingDefinition? Find(string name) =>
        All.FirstOrDefault(setting => setting.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
