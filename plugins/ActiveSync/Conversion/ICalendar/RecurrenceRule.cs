using System.Globalization;
using System.Text;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Conversion.ICalendar;

/// <summary>RRULE (RFC 5545 3.3.10) for the rules the model and ActiveSync carry.</summary>
internal static class RecurrenceRule
{
    public static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static string Format(Recurrence rule)
    {
        var text = new StringBuilder("FREQ=").Append(rule.Frequency.ToString().ToUpperInvariant());
        if (rule.Interval > 1)
        {
            text.Append(";INTERVAL=").Append(rule.Interval.ToString(CultureInfo.InvariantCulture));
        }

        if (rule.Count is { } count)
        {
            text.Append(";COUNT=").Append(count.ToString(CultureInfo.InvariantCulture));
        }
        else if (rule.Until is { } until)
        {
            text.Append(";UNTIL=").Append(ICalendarTime.Utc(until));
        }

        if (rule.DaysOfWeek.Count > 0)
        {
            text.Append(";BYDAY=").AppendJoin(',', rule.DaysOfWeek.Select(day => Days[(int)day]));
            if (rule.WeekOfMonth is { } week && rule.Frequency is RecurrenceFrequency.Monthly or RecurrenceFrequency.Yearly)
            {
                text.Append(";BYSETPOS=").Append(week >= 5 ? "-1" : week.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (rule.DayOfMonth is { } day)
        {
            text.Append(";BYMONTHDAY=").Append(day.ToString(CultureInfo.InvariantCulture));
        }

        if (rule.MonthOfYear is { } month)
        {
            text.Append(";BYMONTH=").Append(month.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(";WKST=").Append(Days[(int)rule.FirstDayOfWeek]).ToString();
    }

    /// <exception cref="ConversionException">The rule has no FREQ the model knows.</exception>
    public static Recurrence Parse(string value, DateTimeOffset start)
    {
        var parts = value.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1].ToUpperInvariant());
        var frequency = parts.GetValueOrDefault("FREQ") switch
        {
            "DAILY" => RecurrenceFrequency.Daily,
            "WEEKLY" => RecurrenceFrequency.Weekly,
            "MONTHLY" => RecurrenceFrequency.Monthly,
            "YEARLY" => RecurrenceFrequency.Yearly,
            var other => throw new ConversionException($"RRULE FREQ={other} is not daily, weekly, monthly or yearly"),
        };
        var days = new List<DayOfWeek>();
        int? week = parts.TryGetValue("BYSETPOS", out var setPos) ? Week(int.Parse(setPos, CultureInfo.InvariantCulture)) : null;
        foreach (var day in parts.GetValueOrDefault("BYDAY", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            days.Add((DayOfWeek)Array.IndexOf(Days, day[^2..]));
            if (day.Length > 2)
            {
                week = Week(int.Parse(day[..^2], CultureInfo.InvariantCulture)); // "2TU": the second Tuesday
            }
        }

        var rule = new Recurrence(frequency)
        {
            Interval = parts.TryGetValue("INTERVAL", out var interval) ? int.Parse(interval, CultureInfo.InvariantCulture) : 1,
            Count = parts.TryGetValue("COUNT", out var count) ? int.Parse(count, CultureInfo.InvariantCulture) : null,
            Until = parts.TryGetValue("UNTIL", out var until) ? ICalendarTime.Parse(new ContentLine("UNTIL", new Dictionary<string, string>(), until), new Dictionary<string, string>()).Instant : null,
            DaysOfWeek = days,
            WeekOfMonth = week,
            DayOfMonth = parts.TryGetValue("BYMONTHDAY", out var dayOfMonth) ? int.Parse(dayOfMonth, CultureInfo.InvariantCulture) : null,
            MonthOfYear = parts.TryGetValue("BYMONTH", out var month) ? int.Parse(month, CultureInfo.InvariantCulture) : null,
            FirstDayOfWeek = parts.TryGetValue("WKST", out var first) && Array.IndexOf(Days, first) is >= 0 and var index ? (DayOfWeek)index : DayOfWeek.Monday,
        };

        // ActiveSync needs the day a monthly or yearly rule falls on, which iCalendar leaves to DTSTART.
        if (rule.Frequency is RecurrenceFrequency.Monthly or RecurrenceFrequency.Yearly && rule.DaysOfWeek.Count == 0 && rule.DayOfMonth is null)
        {
            rule = rule with { DayOfMonth = start.Day };
        }

        if (rule.Frequency == RecurrenceFrequency.Yearly && rule.MonthOfYear is null)
        {
            rule = rule with { MonthOfYear = start.Month };
        }

        return rule.Frequency == RecurrenceFrequency.Weekly && rule.DaysOfWeek.Count == 0 ? rule with { DaysOfWeek = [start.DayOfWeek] } : rule;
    }

    private static int Week(int position) => position < 0 ? 5 : Math.Clamp(position, 1, 5);
}
