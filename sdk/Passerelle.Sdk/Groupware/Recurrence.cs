namespace Passerelle.Sdk.Groupware;

/// <summary>
/// How an event or a task repeats: the part of an iCalendar RRULE that Exchange ActiveSync can carry.
/// </summary>
/// <param name="Frequency">The base period.</param>
public sealed record Recurrence(RecurrenceFrequency Frequency)
{
    /// <summary>Every how many periods.</summary>
    public int Interval { get; init; } = 1;

    /// <summary>The last possible occurrence, or <see langword="null"/>.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>How many occurrences in all, or <see langword="null"/>.</summary>
    public int? Count { get; init; }

    /// <summary>The days of the week it falls on (weekly; or monthly and yearly with <see cref="WeekOfMonth"/>).</summary>
    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; } = [];

    /// <summary>The week of the month (1–4, or 5 for the last) for "the second Tuesday" rules.</summary>
    public int? WeekOfMonth { get; init; }

    /// <summary>The day of the month (1–31) for monthly and yearly rules.</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>The month (1–12) for yearly rules.</summary>
    public int? MonthOfYear { get; init; }

    /// <summary>The first day of the week, which matters to weekly rules with an interval.</summary>
    public DayOfWeek FirstDayOfWeek { get; init; } = DayOfWeek.Monday;

    /// <summary>For tasks: whether the next occurrence is computed from the completion date.</summary>
    public bool Regenerate { get; init; }
}

/// <summary>The base periods of a recurrence.</summary>
public enum RecurrenceFrequency
{
    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week.</summary>
    Weekly,

    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every year.</summary>
    Yearly,
}
