namespace Passerelle.Sdk.Mail;

/// <summary>The system flags of a message, as IMAP names them.</summary>
[Flags]
public enum MessageFlags
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Read (<c>\Seen</c>).</summary>
    Seen = 1,

    /// <summary>Replied to (<c>\Answered</c>).</summary>
    Answered = 2,

    /// <summary>Flagged for follow-up (<c>\Flagged</c>).</summary>
    Flagged = 4,

    /// <summary>Marked for deletion (<c>\Deleted</c>).</summary>
    Deleted = 8,

    /// <summary>A draft (<c>\Draft</c>).</summary>
    Draft = 16,

    /// <summary>Forwarded (<c>$Forwarded</c>).</summary>
    Forwarded = 32,
}
