using System.Text.Json.Serialization;

namespace Passerelle.Sdk.Groupware;

/// <summary>A task.</summary>
public sealed record TaskItem : GroupwareItem
{
    /// <inheritdoc />
    [JsonIgnore]
    public override GroupwareKind Kind => GroupwareKind.Tasks;

    /// <summary>The title.</summary>
    public string? Subject { get; init; }

    /// <summary>The description, as plain text.</summary>
    public string? Body { get; init; }

    /// <summary>When work starts.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>The state of the work.</summary>
    public TaskState State { get; init; }

    /// <summary>How far along it is, 0 to 100.</summary>
    public int PercentComplete { get; init; }

    /// <summary>When it was completed.</summary>
    public DateTimeOffset? DateCompleted { get; init; }

    /// <summary>Whether it is complete.</summary>
    public bool IsComplete => State == TaskState.Completed;

    /// <summary>How important it is.</summary>
    public Importance Importance { get; init; } = Importance.Normal;

    /// <summary>Who may see the details.</summary>
    public Sensitivity Sensitivity { get; init; }

    /// <summary>When a reminder fires, or <see langword="null"/> for none.</summary>
    public DateTimeOffset? ReminderTime { get; init; }

    /// <summary>How the task repeats, or <see langword="null"/>.</summary>
    public Recurrence? Recurrence { get; init; }

    /// <summary>The people the task involves (owner, assignees).</summary>
    public IReadOnlyList<Attendee> Participants { get; init; } = [];
}

/// <summary>The states of a task.</summary>
public enum TaskState
{
    /// <summary>Not started.</summary>
    NotStarted,

    /// <summary>In progress.</summary>
    InProgress,

    /// <summary>Completed.</summary>
    Completed,

    /// <summary>Waiting on someone else.</summary>
    Waiting,

    /// <summary>Deferred.</summary>
    Deferred,
}

/// <summary>Importance, as mail and tasks have it.</summary>
public enum Importance
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Normal.</summary>
    Normal,

    /// <summary>High.</summary>
    High,
}
