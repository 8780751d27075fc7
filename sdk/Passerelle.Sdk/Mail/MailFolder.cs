namespace Passerelle.Sdk.Mail;

/// <summary>A mail folder.</summary>
/// <param name="Id">The folder's identifier in its store, stable while the folder exists.</param>
/// <param name="ParentId">The parent folder's identifier, or <see langword="null"/> at the top.</param>
/// <param name="Name">The folder's own name (not its path).</param>
/// <param name="Role">What the folder is for, when it is a special folder.</param>
public sealed record MailFolder(string Id, string? ParentId, string Name, MailFolderRole Role);

/// <summary>The special folders a phone expects (RFC 6154 special use, plus the Inbox and Outbox).</summary>
public enum MailFolderRole
{
    /// <summary>An ordinary folder.</summary>
    None,

    /// <summary>The Inbox.</summary>
    Inbox,

    /// <summary>Drafts.</summary>
    Drafts,

    /// <summary>Deleted items (Trash).</summary>
    Trash,

    /// <summary>Sent items.</summary>
    Sent,

    /// <summary>The outbox, where a phone may leave mail to send.</summary>
    Outbox,

    /// <summary>Junk mail.</summary>
    Junk,

    /// <summary>Archive.</summary>
    Archive,
}
