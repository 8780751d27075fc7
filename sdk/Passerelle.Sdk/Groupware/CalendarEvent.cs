using System.Text.Json.Serialization;

namespace Passerelle.Sdk.Groupware;

/// <summary>A calendar event, possibly recurring.</summary>
public sealed record CalendarEvent : GroupwareItem
{
    /// <inheritdoc />
    [JsonIgnore]
    public override GroupwareKind Kind => GroupwareKind.Calendar;

    /// <summary>The title.</summary>
    public string? Subject { get; init; }

    /// <summary>Where it takes place.</summary>
    public string? Location { get; init; }

    /// <summary>The description, as plain text.</summary>
    public string? Body { get; init; }

    /// <summary>The start (of the first occurrence when recurring).</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>The end (of the first occurrence when recurring).</summary>
    public DateTimeOffset End { get; init; }

    /// <summary>The event's time zone, an IANA identifier; recurrences expand in it.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Whether the event lasts whole days; then <see cref="Start"/> and <see cref="End"/> are midnights in <see cref="TimeZoneId"/>.</summary>
    public bool IsAllDay { get; init; }

    /// <summary>How the time shows in free/busy.</summary>
    public BusyStatus BusyStatus { get; init; } = BusyStatus.Busy;

    /// <summary>Who may see the details.</summary>
    public Sensitivity Sensitivity { get; init; }

    /// <summary>Minutes before the start when a reminder fires, or <see langword="null"/> for none.</summary>
    public int? ReminderMinutes { get; init; }

    /// <summary>The organizer of a meeting.</summary>
    public Attendee? Organizer { get; init; }

    /// <summary>The attendees of a meeting.</summary>
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];

    /// <summary>Whether this is a meeting, and its state.</summary>
    public MeetingStatus MeetingStatus { get; init; }

    /// <summary>The account's own response to a meeting it attends.</summary>
    public AttendeeStatus? ResponseStatus { get; init; }

    /// <summary>Whether the organizer asks for responses.</summary>
    public bool ResponseRequested { get; init; } = true;

    /// <summary>Whether attendees may not propose a new time.</summary>
    public bool DisallowNewTimeProposal { get; init; }

    /// <summary>The iCalendar SEQUENCE, raised by the organizer at each significant change.</summary>
    public int Sequence { get; init; }

    /// <summary>How the event repeats, or <see langword="null"/> for a single event.</summary>
    public Recurrence? Recurrence { get; init; }

    /// <summary>Occurrences of a recurring event that were moved, changed or deleted.</summary>
    public IReadOnlyList<EventException> Exceptions { get; init; } = [];
}

/// <summary>A changed or deleted occurrence of a recurring event.</summary>
/// <param name="OriginalStart">The start the occurrence would have had (iCalendar RECURRENCE-ID).</param>
public sealed record EventException(DateTimeOffset OriginalStart)
{
    /// <summary>Whether the occurrence is deleted; then the other fields are unused.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>The occurrence's start, when moved.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The occurrence's end, when moved.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The occurrence's title, when changed.</summary>
    public string? Subject { get; init; }

    /// <summary>The occurrence's location, when changed.</summary>
    public string? Location { get; init; }

    /// <summary>The occurrence's description, when changed.</summary>
    public string? Body { get; init; }

    /// <summary>Whether the occurrence lasts whole days, when changed.</summary>
    public bool? IsAllDay { get; init; }

    /// <summary>The occurrence's free/busy status, when changed.</summary>
    public BusyStatus? BusyStatus { get; init; }

    /// <summary>The occurrence's reminder, when changed.</summary>
    public int? ReminderMinutes { get; init; }

    /// <summary>The occurrence's attendees, when changed.</summary>
    public IReadOnlyList<Attendee>? Attendees { get; init; }

    /// <summary>The occurrence's sensitivity, when changed.</summary>
    public Sensitivity? Sensitivity { get; init; }

    /// <summary>The occurrence's categories, when changed.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The occurrence's meeting state, when it differs from the series' (a cancelled occurrence).</summary>
    public MeetingStatus? MeetingStatus { get; init; }

    /// <summary>The account's own response to this occurrence, when it differs from the series'.</summary>
    public AttendeeStatus? ResponseStatus { get; init; }
}

/// <summary>A person invited to, or organising, a meeting.</summary>
/// <param name="Email">The address.</param>
/// <param name="Name">The name.</param>
public sealed record Attendee(string Email, string? Name = null)
{
    /// <summary>The attendee's answer.</summary>
    public AttendeeStatus Status { get; init; } = AttendeeStatus.NeedsAction;

    /// <summary>Whether the attendee is required, optional or a resource.</summary>
    public AttendeeType Type { get; init; } = AttendeeType.Required;
}

/// <summary>An attendee's answer to an invitation.</summary>
public enum AttendeeStatus
{
    /// <summary>Not answered yet.</summary>
    NeedsAction,

    /// <summary>Accepted.</summary>
    Accepted,

    /// <summary>Tentatively accepted.</summary>
    Tentative,

    /// <summary>Declined.</summary>
    Declined,
}

/// <summary>The role of an attendee.</summary>
public enum AttendeeType
{
    /// <summary>Required.</summary>
    Required,

    /// <summary>Optional.</summary>
    Optional,

    /// <summary>A room or a piece of equipment.</summary>
    Resource,
}

/// <summary>How an event shows in free/busy.</summary>
public enum BusyStatus
{
    /// <summary>Free.</summary>
    Free,

    /// <summary>Tentative.</summary>
    Tentative,

    /// <summary>Busy.</summary>
    Busy,

    /// <summary>Out of office.</summary>
    OutOfOffice,

    /// <summary>Working elsewhere.</summary>
    WorkingElsewhere,
}

/// <summary>Who may see an item's details.</summary>
public enum Sensitivity
{
    /// <summary>Everyone with access.</summary>
    Normal,

    /// <summary>Personal.</summary>
    Personal,

    /// <summary>Private.</summary>
    Private,

    /// <summary>Confidential.</summary>
    Confidential,
}

/// <summary>Whether an event is a meeting, and its state.</summary>
public enum MeetingStatus
{
    /// <summary>An appointment, not a meeting.</summary>
    NotAMeeting,

    /// <summary>A meeting the account organises.</summary>
    Organizer,

    /// <summary>A meeting the account attends.</summary>
    Attendee,

    /// <summary>A meeting the organizer cancelled.</summary>
    Cancelled,
}
