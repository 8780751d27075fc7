namespace Passerelle.ActiveSync.Folders;

/// <summary>The folder types of FolderSync (MS-ASCMD 2.2.3.186.3).</summary>
internal static class EasFolderType
{
    public const int UserGeneric = 1;
    public const int Inbox = 2;
    public const int Drafts = 3;
    public const int DeletedItems = 4;
    public const int SentItems = 5;
    public const int Outbox = 6;
    public const int Tasks = 7;
    public const int Calendar = 8;
    public const int Contacts = 9;
    public const int Notes = 10;
    public const int Journal = 11;
    public const int UserMail = 12;
    public const int UserCalendar = 13;
    public const int UserContacts = 14;
    public const int UserTasks = 15;
    public const int UserJournal = 16;
    public const int UserNotes = 17;
    public const int Unknown = 18;
    public const int RecipientInformationCache = 19;

    /// <summary>Folders a device may not create under, rename or delete.</summary>
    public static bool IsSpecial(int type) => type is >= Inbox and <= Journal or RecipientInformationCache;
}
