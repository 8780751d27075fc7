using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>
/// The occurrences of an event that overlap a window, for free/busy: the event itself, or its recurrence expanded
/// in the event's time zone (daily, weekly on its days, monthly on the start's day of month, yearly), with deleted
/// exceptions left out and changed ones moved. Monthly rules by week of month are taken as the first occurrence only.
/// </summary>
internal static class EventOccurrences
{
    // An unbounded recurrence is followed this far at most, so a daily event since 1990 costs bounded work.
    private const int MaxSteps = 50_000;

    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, BusyStatus Status)> Within(CalendarEvent item, DateTimeOffset from, DateTimeOffset to)
    {
        var length = item.End - item.Start;
        var exceptions = item.Exceptions.ToDictionary(e => e.OriginalStart.UtcDateTime, e => e);
        foreach (var start in Starts(item, to))
        {
            var occurrence = (Start: start, End: start + length, item.BusyStatus);
            if (exceptions.TryGetValue(start.UtcDateTime, out var exception))
            {
                if (exception.IsDeleted)
                {
                    continue;
                }

                occurrence = (exception.Start ?? start, exception.End ?? (exception.Start ?? start) + length, exception.BusyStatus ?? item.BusyStatus);
            }

            if (occurrence.End > from && occurrence.Start < to)
            {
                yield return occurrence;
            }
        }
    }

    private static IEnumerable<DateTimeOffset> Starts(CalendarEvent item, DateTimeOffset to)
    {
        if (item.Recurrence is not { } rule || (rule.Frequency == RecurrenceFrequency.Monthly && rule.WeekOfMonth is not null))
        {
            yield return item.Start;
            yield break;
        }

        var zone = Zone(item.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(item.Start, zone).DateTime;
        var interval = Math.Max(1, rule.Interval);
        var days = rule.Frequency == RecurrenceFrequency.Weekly && rule.DaysOfWeek.Count > 0 ? rule.DaysOfWeek : [local.DayOfWeek];
        var count = 0;
        for (var step = 0; step < MaxSteps; step++)
        {
            var candidates = rule.Frequency switch
            {
                RecurrenceFrequency.Daily => [local.AddDays(step * interval)],
                RecurrenceFrequency.Weekly => WeekOf(local, step * interval, days),
                RecurrenceFrequency.Monthly => [local.AddMonths(step * interval)],
                _ => new[] { local.AddYears(step * interval) },
            };
            foreach (var candidate in candidates.Where(c => c >= local))
            {
                var start = new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
                if (start >= to || (rule.Until is { } until && start > until) || (rule.Count is { } max && count >= max))
                {
                    yield break;
                }

                count++;
                yield return start;
            }
        }
    }

    // The chosen days of the week that is `weeks` after the start's, at the start's time of day.
    private static IEnumerable<DateTime> WeekOf(DateTime start, int weeks, IReadOnlyList<DayOfWeek> days)
    {
        var monday = start.Date.AddDays(-(((int)start.DayOfWeek + 6) % 7)).AddDays(7 * weeks);
        return days.Select(day => monday.AddDays(((int)day + 6) % 7) + start.TimeOfDay).Order();
    }

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
