using MailKit;
using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// How special folders are found: by their RFC 6154 SPECIAL-USE attribute first, then by the names mail
/// clients and servers commonly give them, in this order.
/// </summary>
internal static class SpecialFolderNames
{
    /// <summary>The roles in the order they are looked for, with the attribute and the common names of each.</summary>
    public static readonly IReadOnlyList<(MailFolderRole Role, FolderAttributes Attribute, string[] Names)> Roles =
    [
        (MailFolderRole.Drafts, FolderAttributes.Drafts, ["Drafts", "Draft"]),
        (MailFolderRole.Sent, FolderAttributes.Sent, ["Sent", "Sent Items", "Sent Messages", "Sent Mail"]),
        (MailFolderRole.Trash, FolderAttributes.Trash, ["Trash", "Deleted Items", "Deleted Messages", "Deleted"]),
        (MailFolderRole.Junk, FolderAttributes.Junk, ["Junk", "Spam", "Junk E-mail", "Junk Email", "Bulk Mail"]),
        (MailFolderRole.Archive, FolderAttributes.Archive, ["Archive", "Archives"]),
    ];

    /// <summary>The special folders a phone needs, created with these names when the server has none.</summary>
    public static readonly IReadOnlyList<(MailFolderRole Role, string Name)> Required =
    [
        (MailFolderRole.Drafts, "Drafts"),
        (MailFolderRole.Sent, "Sent"),
        (MailFolderRole.Trash, "Trash"),
    ];
}
