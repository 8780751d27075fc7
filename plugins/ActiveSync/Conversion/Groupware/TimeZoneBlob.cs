using System.Buffers.Binary;
using System.Text;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// The calendar:Timezone value (MS-ASDTYPE 2.7.6): a base64 TIME_ZONE_INFORMATION of 172 bytes, the
/// bias and the yearly rule (month, weekday, week of month, hour) of the two transitions. It is made
/// from the zone's actual transitions in the event's year, so tzdata's zones, Windows' and custom ones
/// all give the same UTC instants the device computes.
/// </summary>
internal sealed record TimeZoneBlob(int Bias, string StandardName, SystemTime StandardDate, int StandardBias, string DaylightName, SystemTime DaylightDate, int DaylightBias)
{
    public const int Length = 172;

    public bool HasDaylight => DaylightDate.Month != 0 && StandardDate.Month != 0 && DaylightBias != StandardBias;

    /// <summary>The rule of <paramref name="zone"/> in <paramref name="year"/>.</summary>
    public static TimeZoneBlob For(TimeZoneInfo zone, int year)
    {
        var transitions = TransitionsIn(zone, year);
        var standard = zone.GetUtcOffset(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var summer = zone.GetUtcOffset(new DateTime(year, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        if (transitions.Count < 2 || standard == summer)
        {
            var offset = transitions.Count == 0 ? standard : zone.GetUtcOffset(new DateTime(year, 12, 31, 0, 0, 0, DateTimeKind.Utc));
            return new TimeZoneBlob(-(int)offset.TotalMinutes, StandardNameOf(zone), SystemTime.None, 0, StandardNameOf(zone), SystemTime.None, 0);
        }

        // The smaller offset is standard time, as Windows has it (also for zones whose tzdata rule is negative DST).
        var (low, high) = standard < summer ? (standard, summer) : (summer, standard);
        var toDaylight = transitions.First(t => t.After == high);
        var toStandard = transitions.First(t => t.After == low);
        return new TimeZoneBlob(
            -(int)low.TotalMinutes,
            StandardNameOf(zone),
            SystemTime.RuleOf(toStandard.Utc + toStandard.Before),
            0,
            Name(StandardNameOf(zone).Replace("Standard", "Daylight", StringComparison.Ordinal)),
            SystemTime.RuleOf(toDaylight.Utc + toDaylight.Before),
            -(int)(high - low).TotalMinutes);
    }

    /// <exception cref="ConversionException">The text is not a TIME_ZONE_INFORMATION.</exception>
    public static TimeZoneBlob Parse(string base64)
    {
        var bytes = new byte[Length];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out var written) || written != Length)
        {
            throw new ConversionException("Timezone is not a 172-byte TIME_ZONE_INFORMATION");
        }

        var span = bytes.AsSpan();
        return new TimeZoneBlob(
            BinaryPrimitives.ReadInt32LittleEndian(span),
            ReadName(span[4..68]),
            SystemTime.Read(span[68..84]),
            BinaryPrimitives.ReadInt32LittleEndian(span[84..]),
            ReadName(span[88..152]),
            SystemTime.Read(span[152..168]),
            BinaryPrimitives.ReadInt32LittleEndian(span[168..]));
    }

    public string ToBase64()
    {
        var bytes = new byte[Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, Bias);
        WriteName(span[4..68], StandardName);
        StandardDate.Write(span[68..84]);
        BinaryPrimitives.WriteInt32LittleEndian(span[84..], StandardBias);
        WriteName(span[88..152], DaylightName);
        DaylightDate.Write(span[152..168]);
        BinaryPrimitives.WriteInt32LittleEndian(span[168..], DaylightBias);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Whether two blobs give the same instants (names aside).</summary>
    public bool SameRuleAs(TimeZoneBlob other) =>
        Bias == other.Bias && HasDaylight == other.HasDaylight
        && (!HasDaylight || (StandardDate.SameRuleAs(other.StandardDate) && DaylightDate.SameRuleAs(other.DaylightDate) && DaylightBias - StandardBias == other.DaylightBias - other.StandardBias));

    /// <summary>A zone that follows this rule every year, for blobs no known zone matches.</summary>
    public TimeZoneInfo ToCustomZone()
    {
        var standardOffset = TimeSpan.FromMinutes(-(Bias + StandardBias));
        var id = "EAS/" + ToBase64();
        if (!HasDaylight)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromMinutes(-Bias), StandardName, StandardName);
        }

        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromMinutes(StandardBias - DaylightBias),
            DaylightDate.ToTransition(), StandardDate.ToTransition());
        return TimeZoneInfo.CreateCustomTimeZone(id, standardOffset, StandardName, StandardName, DaylightName, [rule]);
    }

    // The Windows zone id, as Exchange and Outlook name zones, so that a blob read back finds its zone by name.
    private static string StandardNameOf(TimeZoneInfo zone) =>
        Name(TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows) ? windows : zone.StandardName);

    private static string Name(string name) => name.Length > 31 ? name[..31] : name;

    private static string ReadName(ReadOnlySpan<byte> span)
    {
        var text = Encoding.Unicode.GetString(span);
        var end = text.IndexOf('\0', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static void WriteName(Span<byte> span, string name) => Encoding.Unicode.GetBytes(Name(name), span);

    private sealed record Transition(DateTime Utc, TimeSpan Before, TimeSpan After);

    // Offsets change at most a few times a year: find the days they change on, then the minute.
    private static List<Transition> TransitionsIn(TimeZoneInfo zone, int year)
    {
        var found = new List<Transition>();
        var day = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(day);
        for (; day.Year == year; day = day.AddDays(1))
        {
            var next = zone.GetUtcOffset(day.AddDays(1));
            if (next == offset)
            {
                continue;
            }

            var (low, high) = (day, day.AddDays(1));
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                (low, high) = zone.GetUtcOffset(middle) == offset ? (middle, high) : (low, middle);
            }

            found.Add(new Transition(new DateTime(high.Ticks - (high.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc), offset, next));
            offset = next;
        }

        return found;
    }
}

/// <summary>A SYSTEMTIME of a TIME_ZONE_INFORMATION: with Year 0, the Day-th (5 = last) DayOfWeek of Month.</summary>
internal readonly record struct SystemTime(int Year, int Month, int DayOfWeek, int Day, int Hour, int Minute, int Second)
{
    public static SystemTime None => default;

    /// <summary>The yearly rule that falls on this local date and time.</summary>
    public static SystemTime RuleOf(DateTime local)
    {
        var week = ((local.Day - 1) / 7) + 1;
        if (local.Day + 7 > DateTime.DaysInMonth(local.Year, local.Month))
        {
            week = 5; // tzdata's "last Sunday" rules; also "4th" ones in a month where it is the last
        }

        return new SystemTime(0, local.Month, (int)local.DayOfWeek, week, local.Hour, local.Minute, local.Second);
    }

    public static SystemTime Read(ReadOnlySpan<byte> span) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(span),
        BinaryPrimitives.ReadUInt16LittleEndian(span[2..]),
        BinaryPrimitives.ReadUInt16LittleEndian(span[4..]),
        BinaryPrimitives.ReadUInt16LittleEndian(span[6..]),
        BinaryPrimitives.ReadUInt16LittleEndian(span[8..]),
        BinaryPrimitives.ReadUInt16LittleEndian(span[10..]),
        BinaryPrimitives.ReadUInt16LittleEndian(span[12..]));

    public void Write(Span<byte> span)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)Year);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)Month);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)DayOfWeek);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)Day);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)Hour);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)Minute);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], (ushort)Second);
    }

    public bool SameRuleAs(SystemTime other) =>
        Month == other.Month && DayOfWeek == other.DayOfWeek && Math.Min(Day, 5) == Math.Min(other.Day, 5) && Hour == other.Hour && Minute == other.Minute;

    public TimeZoneInfo.TransitionTime ToTransition()
    {
        var time = new DateTime(1, 1, 1, Math.Clamp(Hour, 0, 23), Math.Clamp(Minute, 0, 59), Math.Clamp(Second, 0, 59));
        // FIELD-NOTES 19: some clients swap wDay and wDayOfWeek; a weekday above 6 or a week above 5 cannot be right.
        var (dayOfWeek, week) = DayOfWeek > 6 && Day <= 6 ? (Day, DayOfWeek) : (DayOfWeek, Day);
        return Year == 0
            ? TimeZoneInfo.TransitionTime.CreateFloatingDateRule(time, Math.Clamp(Month, 1, 12), Math.Clamp(week, 1, 5), (System.DayOfWeek)Math.Clamp(dayOfWeek, 0, 6))
            : TimeZoneInfo.TransitionTime.CreateFixedDateRule(time, Math.Clamp(Month, 1, 12), Math.Clamp(Day, 1, 31));
    }
}
