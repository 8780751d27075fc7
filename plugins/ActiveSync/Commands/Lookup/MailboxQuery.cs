using Passerelle.ActiveSync.Sync;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>A mailbox search as Search and Find ask for it: words, where, when, which range and in what form.</summary>
internal sealed record MailboxQuery(string Text)
{
    /// <summary>The collection to search, or null for every mail folder.</summary>
    public string? CollectionId { get; init; }

    public bool DeepTraversal { get; init; }

    /// <summary>Messages received strictly after this time.</summary>
    public DateTimeOffset? ReceivedAfter { get; init; }

    /// <summary>Messages received strictly before this time.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    public SearchRange Range { get; init; } = SearchRange.Default;

    public IReadOnlyList<BodyPreference> BodyPreferences { get; init; } = [];

    public int MimeSupport { get; init; }

    public int? MimeTruncation { get; init; }
}
