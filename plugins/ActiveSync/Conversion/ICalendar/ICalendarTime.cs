using System.Globalization;
using Passerelle.ActiveSync.Conversion.Groupware;

namespace Passerelle.ActiveSync.Conversion.ICalendar;

/// <summary>
/// DATE and DATE-TIME values (RFC 5545 3.3.4, 3.3.5) and VTIMEZONE components. A TZID is an IANA or Windows
/// zone id, or is defined by the calendar's VTIMEZONE, whose yearly rules make a Timezone blob and then a zone.
/// </summary>
internal static class ICalendarTime
{
    public static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).DateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).DateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A time with its TZID and VALUE parameters; (instant, is a date, zone id or null).</summary>
    /// <exception cref="ConversionException">The value is not a date or a date-time.</exception>
    public static (DateTimeOffset Instant, bool IsDate, string? ZoneId) Parse(ContentLine line, IReadOnlyDictionary<string, string> zones)
    {
        var text = line.Value.Trim();
        var zoneId = line.Parameter("TZID") is { } tzid ? ZoneIdOf(tzid, zones) : null;
        var zone = TimeZones.Find(zoneId);
        if (text.Length == 8 && DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (CalendarConverter.Midnight(DateOnly.FromDateTime(date), zone), true, zoneId);
        }

        if (text.EndsWith('Z') && DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return (new DateTimeOffset(utc, TimeSpan.Zero), false, zoneId);
        }

        if (DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(), false, zoneId);
        }

        throw new ConversionException($"{line.Name} is '{text}', not an iCalendar date or date-time");
    }

    /// <summary>The zone ids the VTIMEZONE components of a calendar define, by TZID.</summary>
    public static Dictionary<string, string> ReadZones(IReadOnlyList<ContentLine> lines, int year)
    {
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        string? tzid = null;
        Dictionary<string, string>? standard = null, daylight = null, current = null;
        foreach (var line in lines)
        {
            switch (line.Name, line.Value.ToUpperInvariant())
            {
                case ("BEGIN", "VTIMEZONE"):
                    (tzid, standard, daylight) = (null, null, null);
                    break;
                case ("BEGIN", "STANDARD"):
                    current = standard = [];
                    break;
                case ("BEGIN", "DAYLIGHT"):
                    current = daylight = [];
                    break;
                case ("END", "STANDARD" or "DAYLIGHT"):
                    current = null;
                    break;
                case ("END", "VTIMEZONE") when tzid is not null:
                    if (ZoneOf(standard, daylight, year) is { } id)
                    {
                        zones[tzid] = id;
                    }

                    break;
                case ("TZID", _) when current is null:
                    tzid = line.Value;
                    break;
                default:
                    if (current is not null)
                    {
                        current[line.Name] = line.Value;
                    }

                    break;
            }
        }

        return zones;
    }

    /// <summary>Writes the VTIMEZONE of a zone for <paramref name="year"/>, from the same yearly rule as the Timezone blob.</summary>
    public static void WriteZone(ContentWriter writer, string zoneId, int year)
    {
        var blob = TimeZoneBlob.Parse(TimeZones.BlobOf(zoneId, year));
        var standardOffset = -(blob.Bias + blob.StandardBias);
        var daylightOffset = -(blob.Bias + blob.DaylightBias);
        writer.Line("BEGIN", "VTIMEZONE").Line("TZID", zoneId);
        writer.Line("BEGIN", "STANDARD").Line("DTSTART", $"16010101T{blob.StandardDate.Hour:D2}{blob.StandardDate.Minute:D2}00");
        if (blob.HasDaylight)
        {
            writer.Line("RRULE", Rule(blob.StandardDate)).Line("TZOFFSETFROM", Offset(daylightOffset));
        }
        else
        {
            writer.Line("TZOFFSETFROM", Offset(-blob.Bias));
        }

        writer.Line("TZOFFSETTO", Offset(blob.HasDaylight ? standardOffset : -blob.Bias)).Line("END", "STANDARD");
        if (blob.HasDaylight)
        {
            writer.Line("BEGIN", "DAYLIGHT").Line("DTSTART", $"16010101T{blob.DaylightDate.Hour:D2}{blob.DaylightDate.Minute:D2}00")
                .Line("RRULE", Rule(blob.DaylightDate)).Line("TZOFFSETFROM", Offset(standardOffset)).Line("TZOFFSETTO", Offset(daylightOffset)).Line("END", "DAYLIGHT");
        }

        writer.Line("END", "VTIMEZONE");
    }

    private static string? ZoneIdOf(string tzid, IReadOnlyDictionary<string, string> zones)
    {
        if (zones.TryGetValue(tzid, out var defined) && !TimeZoneInfo.TryFindSystemTimeZoneById(tzid, out _))
        {
            return defined;
        }

        var trimmed = tzid.Trim('/');
        if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone))
        {
            return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(trimmed, out var fromWindows) ? fromWindows : defined ?? "UTC";
    }

    private static string? ZoneOf(Dictionary<string, string>? standard, Dictionary<string, string>? daylight, int year)
    {
        if (standard is null || !standard.TryGetValue("TZOFFSETTO", out var to))
        {
            return null;
        }

        var standardMinutes = Minutes(to);
        if (daylight is null || !daylight.TryGetValue("TZOFFSETTO", out var summer) || !standard.TryGetValue("RRULE", out var back) || !daylight.TryGetValue("RRULE", out var forward))
        {
            var fixedBlob = new TimeZoneBlob(-standardMinutes, "", SystemTime.None, 0, "", SystemTime.None, 0);
            return TimeZones.IdOf(fixedBlob.ToBase64(), year);
        }

        var blob = new TimeZoneBlob(-standardMinutes, "", TransitionOf(back, standard), 0, "", TransitionOf(forward, daylight), -(Minutes(summer) - standardMinutes));
        return TimeZones.IdOf(blob.ToBase64(), year);
    }

    private static SystemTime TransitionOf(string rule, Dictionary<string, string> component)
    {
        var parts = rule.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1].ToUpperInvariant());
        var month = parts.TryGetValue("BYMONTH", out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : 1;
        var byDay = parts.GetValueOrDefault("BYDAY", "1SU");
        var week = byDay.Length > 2 ? int.Parse(byDay[..^2], CultureInfo.InvariantCulture) : 1;
        var start = component.GetValueOrDefault("DTSTART", "16010101T020000");
        var time = start.Length >= 15 ? start[9..15] : "020000";
        return new SystemTime(0, month, Array.IndexOf(RecurrenceRule.Days, byDay[^2..]), week < 0 ? 5 : Math.Min(week, 5),
            int.Parse(time[..2], CultureInfo.InvariantCulture), int.Parse(time[2..4], CultureInfo.InvariantCulture), 0);
    }

    private static string Rule(SystemTime transition) =>
        $"FREQ=YEARLY;BYMONTH={transition.Month};BYDAY={(transition.Day >= 5 ? -1 : transition.Day)}{RecurrenceRule.Days[transition.DayOfWeek]}";

    private static string Offset(int minutes) =>
        $"{(minutes < 0 ? '-' : '+')}{Math.Abs(minutes) / 60:D2}{Math.Abs(minutes) % 60:D2}";

    private static int Minutes(string offset)
    {
        var sign = offset.StartsWith('-') ? -1 : 1;
        var digits = offset.TrimStart('+', '-');
        return sign * ((int.Parse(digits[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(digits[2..4], CultureInfo.InvariantCulture));
    }
}
