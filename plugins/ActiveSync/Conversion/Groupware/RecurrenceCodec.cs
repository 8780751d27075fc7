using System.Globalization;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using CalendarTags = Passerelle.ActiveSync.Wbxml.CodePages.Calendar;
using TaskTags = Passerelle.ActiveSync.Wbxml.CodePages.Tasks;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// calendar:Recurrence and tasks:Recurrence (MS-ASCAL 2.2.2.37, MS-ASTASK 2.2.2.18): Type 0 daily, 1 weekly,
/// 2 monthly on a day, 3 monthly on the nth weekday, 5 yearly on a day, 6 yearly on the nth weekday; DayOfWeek
/// is a bit mask from Sunday (1) to Saturday (64). What the model lacks (CalendarType, IsLeapMonth, a task's
/// Start and DeadOccur) is kept in the item's Extra.
/// </summary>
internal sealed class RecurrenceCodec
{
    public const string CalendarTypeKey = "eas:Recurrence.CalendarType";
    public const string LeapMonthKey = "eas:Recurrence.IsLeapMonth";
    public const string TaskStartKey = "eas:Recurrence.Start";
    public const string DeadOccurKey = "eas:Recurrence.DeadOccur";

    public static readonly RecurrenceCodec Calendar = new(
        CalendarTags.Recurrence, CalendarTags.Type, CalendarTags.Until, CalendarTags.Occurrences, CalendarTags.Interval, CalendarTags.DayOfWeek,
        CalendarTags.DayOfMonth, CalendarTags.WeekOfMonth, CalendarTags.MonthOfYear, CalendarTags.CalendarType, CalendarTags.IsLeapMonth, CalendarTags.FirstDayOfWeek, isTask: false);

    public static readonly RecurrenceCodec Task = new(
        TaskTags.Recurrence, TaskTags.Type, TaskTags.Until, TaskTags.Occurrences, TaskTags.Interval, TaskTags.DayOfWeek,
        TaskTags.DayOfMonth, TaskTags.WeekOfMonth, TaskTags.MonthOfYear, TaskTags.CalendarType, TaskTags.IsLeapMonth, TaskTags.FirstDayOfWeek, isTask: true);

    private readonly WbxmlTag _recurrence, _type, _until, _occurrences, _interval, _dayOfWeek, _dayOfMonth, _weekOfMonth, _monthOfYear, _calendarType, _isLeapMonth, _firstDayOfWeek;
    private readonly bool _isTask;

    private RecurrenceCodec(WbxmlTag recurrence, WbxmlTag type, WbxmlTag until, WbxmlTag occurrences, WbxmlTag interval, WbxmlTag dayOfWeek, WbxmlTag dayOfMonth, WbxmlTag weekOfMonth, WbxmlTag monthOfYear, WbxmlTag calendarType, WbxmlTag isLeapMonth, WbxmlTag firstDayOfWeek, bool isTask)
    {
        (_recurrence, _type, _until, _occurrences, _interval, _dayOfWeek, _dayOfMonth, _weekOfMonth, _monthOfYear) = (recurrence, type, until, occurrences, interval, dayOfWeek, dayOfMonth, weekOfMonth, monthOfYear);
        (_calendarType, _isLeapMonth, _firstDayOfWeek, _isTask) = (calendarType, isLeapMonth, firstDayOfWeek, isTask);
    }

    public WbxmlTag Tag => _recurrence;

    public void Write(WbxmlWriter writer, Recurrence recurrence, IReadOnlyDictionary<string, string> extra, ProtocolVersion version)
    {
        writer.WriteStartElement(_recurrence);
        writer.WriteElement(_type, TypeOf(recurrence));
        if (_isTask && extra.TryGetValue(TaskStartKey, out var start))
        {
            writer.WriteElement(TaskTags.Start, start);
        }

        if (recurrence.Until is { } until)
        {
            writer.WriteElement(_until, _isTask ? EasDate.Format(until) : CompactDate.Format(until));
        }

        writer.WriteIf(_occurrences, recurrence.Count);
        writer.WriteElement(_interval, recurrence.Interval);
        if (recurrence.DaysOfWeek.Count > 0)
        {
            writer.WriteElement(_dayOfWeek, recurrence.DaysOfWeek.Aggregate(0, (mask, day) => mask | (1 << (int)day)));
        }

        writer.WriteIf(_dayOfMonth, recurrence.DayOfMonth);
        writer.WriteIf(_weekOfMonth, recurrence.WeekOfMonth);
        writer.WriteIf(_monthOfYear, recurrence.MonthOfYear);
        if (_isTask)
        {
            writer.WriteElement(TaskTags.Regenerate, recurrence.Regenerate ? 1 : 0);
            if (extra.TryGetValue(DeadOccurKey, out var dead))
            {
                writer.WriteElement(TaskTags.DeadOccur, dead);
            }
        }

        if (version >= ProtocolVersion.V140)
        {
            writer.WriteElement(_calendarType, extra.TryGetValue(CalendarTypeKey, out var calendarType) ? calendarType : "0");
            writer.WriteElement(_isLeapMonth, extra.TryGetValue(LeapMonthKey, out var leap) ? leap : "0");
        }

        if (version >= ProtocolVersion.V141)
        {
            writer.WriteElement(_firstDayOfWeek, (int)recurrence.FirstDayOfWeek);
        }

        writer.WriteEndElement();
    }

    /// <summary>The recurrence in a device's item, with the extra values it carries; null when the item does not repeat.</summary>
    public (Recurrence Rule, Dictionary<string, string> Extra)? Read(WbxmlElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var type = element.Int(_type) ?? throw new ConversionException("a Recurrence has no Type");
        var mask = element.Int(_dayOfWeek) ?? 0;
        var frequency = type switch
        {
            0 => RecurrenceFrequency.Daily,
            1 => RecurrenceFrequency.Weekly,
            2 or 3 => RecurrenceFrequency.Monthly,
            5 or 6 => RecurrenceFrequency.Yearly,
            _ => throw new ConversionException($"Recurrence Type {type} is not one of 0, 1, 2, 3, 5, 6"),
        };
        var rule = new Recurrence(frequency)
        {
            Interval = Math.Max(1, element.Int(_interval) ?? 1),
            Until = element.Value(_until) is { Length: > 0 } until ? EasDate.Parse(until, "Until") : null,
            Count = element.Int(_occurrences),
            DaysOfWeek = Enumerable.Range(0, 7).Where(day => (mask & (1 << day)) != 0).Select(day => (DayOfWeek)day).ToList(),
            DayOfMonth = element.Int(_dayOfMonth),
            WeekOfMonth = element.Int(_weekOfMonth),
            MonthOfYear = element.Int(_monthOfYear),
            FirstDayOfWeek = element.Int(_firstDayOfWeek) is { } first and >= 0 and <= 6 ? (DayOfWeek)first : DayOfWeek.Monday,
            Regenerate = _isTask && element.Int(TaskTags.Regenerate) == 1,
        };
        var extra = new Dictionary<string, string>();
        Keep(extra, CalendarTypeKey, element.Value(_calendarType), "0");
        Keep(extra, LeapMonthKey, element.Value(_isLeapMonth), "0");
        if (_isTask)
        {
            Keep(extra, TaskStartKey, element.Value(TaskTags.Start), null);
            Keep(extra, DeadOccurKey, element.Value(TaskTags.DeadOccur), null);
        }

        return (rule, extra);
    }

    /// <summary>Removes the recurrence's extra values, before a change puts the new ones.</summary>
    public static Dictionary<string, string> WithoutRecurrenceExtra(IReadOnlyDictionary<string, string> extra) =>
        extra.Where(pair => !pair.Key.StartsWith("eas:Recurrence.", StringComparison.Ordinal)).ToDictionary();

    private static void Keep(Dictionary<string, string> extra, string key, string? value, string? usual)
    {
        if (!string.IsNullOrEmpty(value) && value != usual)
        {
            extra[key] = value;
        }
    }

    // Monthly and yearly rules on a weekday carry WeekOfMonth; on a day, DayOfMonth.
    private static int TypeOf(Recurrence recurrence) => recurrence.Frequency switch
    {
        RecurrenceFrequency.Daily => 0,
        RecurrenceFrequency.Weekly => 1,
        RecurrenceFrequency.Monthly => recurrence.WeekOfMonth is not null && recurrence.DaysOfWeek.Count > 0 ? 3 : 2,
        _ => recurrence.WeekOfMonth is not null && recurrence.DaysOfWeek.Count > 0 ? 6 : 5,
    };

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
