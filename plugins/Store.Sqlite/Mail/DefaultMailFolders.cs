using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Sqlite.Mail;

/// <summary>The special folders every account has, created on first use, with their usual names.</summary>
internal static class DefaultMailFolders
{
    public static IReadOnlyList<(MailFolderRole Role, string Name)> All { get; } =
    [
        (MailFolderRole.Inbox, "Inbox"),
        (MailFolderRole.Drafts, "Drafts"),
        (MailFolderRole.Sent, "Sent"),
        (MailFolderRole.Trash, "Trash"),
        (MailFolderRole.Junk, "Junk"),
        (MailFolderRole.Outbox, "Outbox"),
    ];
}
