namespace Passerelle.Sdk.Mail;

/// <summary>A change to a message's flags and metadata; what is left <see langword="null"/> is kept.</summary>
public sealed record MessageUpdate
{
    /// <summary>Flags to set.</summary>
    public MessageFlags AddFlags { get; init; }

    /// <summary>Flags to clear.</summary>
    public MessageFlags RemoveFlags { get; init; }

    /// <summary>The new keywords, replacing the old ones.</summary>
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>
    /// The new follow-up flag. Its status also sets or clears <see cref="MessageFlags.Flagged"/>:
    /// active sets it, complete and cleared clear it.
    /// </summary>
    public FollowUpFlag? FollowUp { get; init; }

    /// <summary>The new last verb; also sets <see cref="MessageFlags.Answered"/> or <see cref="MessageFlags.Forwarded"/>.</summary>
    public LastVerb? LastVerb { get; init; }
}
