namespace Passerelle.Sdk.Mail;

/// <summary>A mailbox search.</summary>
/// <param name="Text">Words to find in the subject, body or sender; every word must match.</param>
public sealed record MailSearchQuery(string Text)
{
    /// <summary>The folder to search, or <see langword="null"/> for every folder.</summary>
    public string? FolderId { get; init; }

    /// <summary>Whether the subfolders of <see cref="FolderId"/> are searched too.</summary>
    public bool DeepTraversal { get; init; }

    /// <summary>Only messages received at or after this time.</summary>
    public DateTimeOffset? ReceivedSince { get; init; }

    /// <summary>Only messages received before this time.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    /// <summary>How many matches to skip, newest first.</summary>
    public int Offset { get; init; }

    /// <summary>How many matches to return at most.</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>The result of a mailbox search.</summary>
/// <param name="Messages">The matches asked for, newest first.</param>
/// <param name="Total">How many messages match in all.</param>
public sealed record MailSearchResult(IReadOnlyList<MailMessage> Messages, int Total);
