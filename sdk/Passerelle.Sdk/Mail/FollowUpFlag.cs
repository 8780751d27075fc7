namespace Passerelle.Sdk.Mail;

/// <summary>
/// The details of a follow-up flag as phones set them. A store that keeps only the
/// <see cref="MessageFlags.Flagged"/> bit reports <see cref="Status"/> and nothing else.
/// </summary>
/// <param name="Status">Whether the flag is active, complete or cleared.</param>
public sealed record FollowUpFlag(FollowUpStatus Status)
{
    /// <summary>The flag's label, e.g. "Follow up".</summary>
    public string? FlagType { get; init; }

    /// <summary>The start date, in the user's local time written as UTC.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The start date in UTC.</summary>
    public DateTimeOffset? UtcStartDate { get; init; }

    /// <summary>The due date, in the user's local time written as UTC.</summary>
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>The due date in UTC.</summary>
    public DateTimeOffset? UtcDueDate { get; init; }

    /// <summary>When the flag was completed.</summary>
    public DateTimeOffset? CompleteTime { get; init; }

    /// <summary>When the task the flag stands for was completed.</summary>
    public DateTimeOffset? DateCompleted { get; init; }

    /// <summary>Whether a reminder is set.</summary>
    public bool ReminderSet { get; init; }

    /// <summary>When the reminder fires.</summary>
    public DateTimeOffset? ReminderTime { get; init; }

    /// <summary>The subject of the flag's task.</summary>
    public string? Subject { get; init; }

    /// <summary>Ordering among flagged items.</summary>
    public DateTimeOffset? OrdinalDate { get; init; }

    /// <summary>Secondary ordering among flagged items.</summary>
    public string? SubOrdinalDate { get; init; }
}

/// <summary>The states of a follow-up flag (the values of EAS <c>Flag/Status</c>).</summary>
public enum FollowUpStatus
{
    /// <summary>No flag.</summary>
    Cleared = 0,

    /// <summary>Done.</summary>
    Complete = 1,

    /// <summary>To follow up.</summary>
    Active = 2,
}
