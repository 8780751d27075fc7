using System.Globalization;
using Passerelle.ActiveSync.Conversion.Groupware;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Conversion.ICalendar;

/// <summary>
/// VEVENTs (RFC 5545 3.6.1) to and from the store's events: a master with RRULE and EXDATE, and one VEVENT per
/// changed occurrence (RECURRENCE-ID); attendees with PARTSTAT and ROLE (RFC 5546 for METHOD REQUEST, REPLY, CANCEL).
/// </summary>
internal static class ICalendarEvents
{
    /// <summary>A parsed calendar: its METHOD and its events, exceptions folded into their series.</summary>
    public sealed record Parsed(string? Method, IReadOnlyList<CalendarEvent> Events);

    /// <exception cref="ConversionException">A VEVENT cannot be read.</exception>
    public static Parsed Read(string document)
    {
        var lines = ContentLine.ReadAll(document).ToList();
        var method = lines.FirstOrDefault(l => l.Name == "METHOD")?.Value.Trim().ToUpperInvariant();
        var year = lines.FirstOrDefault(l => l.Name == "DTSTART") is { } first && first.Value.Length >= 4 && int.TryParse(first.Value[..4], CultureInfo.InvariantCulture, out var y) ? y : 2026;
        var zones = ICalendarTime.ReadZones(lines, year);
        var components = new List<List<ContentLine>>();
        List<ContentLine>? current = null;
        var depth = 0;
        foreach (var line in lines)
        {
            if (line.Name == "BEGIN" && line.Value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                current = [];
                depth = 0;
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (line.Name == "END" && line.Value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                components.Add(current);
                current = null;
                continue;
            }

            depth += line.Name == "BEGIN" ? 1 : line.Name == "END" ? -1 : 0;
            current.Add(depth > 0 || line.Name == "END" ? line with { Name = "ALARM-" + line.Name } : line);
        }

        var events = new List<CalendarEvent>();
        foreach (var group in components.Select(c => ReadOne(c, zones)).GroupBy(e => e.Event.Uid ?? Guid.NewGuid().ToString()))
        {
            var master = group.FirstOrDefault(e => e.RecurrenceId is null).Event ?? group.First().Event;
            var exceptions = master.Exceptions.ToList();
            foreach (var (occurrence, recurrenceId) in group.Where(e => e.RecurrenceId is not null))
            {
                exceptions.RemoveAll(x => x.OriginalStart == recurrenceId);
                exceptions.Add(AsException(occurrence, recurrenceId!.Value, master));
            }

            events.Add(master with { Exceptions = exceptions });
        }

        return new Parsed(method, events);
    }

    public static string Write(string? method, IEnumerable<CalendarEvent> events, string? productId = null)
    {
        var list = events.ToList();
        var writer = new ContentWriter().Line("BEGIN", "VCALENDAR").Line("VERSION", "2.0").Line("PRODID", productId ?? "-//Passerelle//ActiveSync//EN");
        if (method is not null)
        {
            writer.Line("METHOD", method);
        }

        foreach (var zone in list.Where(e => e.TimeZoneId != "UTC").GroupBy(e => e.TimeZoneId))
        {
            ICalendarTime.WriteZone(writer, zone.Key, zone.First().Start.Year);
        }

        foreach (var e in list)
        {
            WriteEvent(writer, e, method);
        }

        return writer.Line("END", "VCALENDAR").ToString();
    }

    private static void WriteEvent(ContentWriter writer, CalendarEvent e, string? method)
    {
        var zone = TimeZones.Find(e.TimeZoneId);
        writer.Line("BEGIN", "VEVENT").Line("UID", e.Uid ?? Guid.NewGuid().ToString());
        writer.Line("DTSTAMP", ICalendarTime.Utc(e.LastModified == default ? DateTimeOffset.UnixEpoch : e.LastModified));
        WriteTimes(writer, e, zone, e.Start, e.End, e.IsAllDay);
        writer.Line("SEQUENCE", e.Sequence.ToString(CultureInfo.InvariantCulture));
        WriteCommon(writer, e.Subject, e.Location, e.Body, e.Sensitivity, e.BusyStatus, e.Categories, e.ReminderMinutes);
        if (e.MeetingStatus == MeetingStatus.Cancelled || method == "CANCEL")
        {
            writer.Line("STATUS", "CANCELLED");
        }

        if (e.Organizer is { } organizer)
        {
            writer.Line("ORGANIZER", "mailto:" + organizer.Email, ("CN", organizer.Name));
        }

        foreach (var attendee in e.Attendees)
        {
            WriteAttendee(writer, attendee, e.ResponseRequested);
        }

        if (e.Recurrence is { } rule)
        {
            writer.Line("RRULE", RecurrenceRule.Format(rule));
            var deleted = e.Exceptions.Where(x => x.IsDeleted).Select(x => x.OriginalStart).ToList();
            if (deleted.Count > 0)
            {
                writer.Line("EXDATE", string.Join(',', deleted.Select(d => e.IsAllDay ? ICalendarTime.Date(d, zone) : ICalendarTime.Local(d, zone))), e.IsAllDay ? ("VALUE", "DATE") : ("TZID", e.TimeZoneId));
            }
        }

        writer.Line("END", "VEVENT");
        foreach (var x in e.Recurrence is null ? [] : e.Exceptions.Where(x => !x.IsDeleted))
        {
            writer.Line("BEGIN", "VEVENT").Line("UID", e.Uid ?? "").Line("DTSTAMP", ICalendarTime.Utc(e.LastModified == default ? DateTimeOffset.UnixEpoch : e.LastModified));
            var allDay = x.IsAllDay ?? e.IsAllDay;
            writer.Line("RECURRENCE-ID", allDay ? ICalendarTime.Date(x.OriginalStart, zone) : ICalendarTime.Local(x.OriginalStart, zone), allDay ? ("VALUE", "DATE") : ("TZID", e.TimeZoneId));
            var start = x.Start ?? x.OriginalStart;
            WriteTimes(writer, e, zone, start, x.End ?? start + (e.End - e.Start), allDay);
            writer.Line("SEQUENCE", e.Sequence.ToString(CultureInfo.InvariantCulture));
            WriteCommon(writer, x.Subject ?? e.Subject, x.Location ?? e.Location, x.Body ?? e.Body, x.Sensitivity ?? e.Sensitivity, x.BusyStatus ?? e.BusyStatus, x.Categories ?? e.Categories, x.ReminderMinutes ?? e.ReminderMinutes);
            if (e.Organizer is { } chair)
            {
                writer.Line("ORGANIZER", "mailto:" + chair.Email, ("CN", chair.Name));
            }

            foreach (var attendee in x.Attendees ?? e.Attendees)
            {
                WriteAttendee(writer, attendee, e.ResponseRequested);
            }

            writer.Line("END", "VEVENT");
        }
    }

    private static void WriteTimes(ContentWriter writer, CalendarEvent e, TimeZoneInfo zone, DateTimeOffset start, DateTimeOffset end, bool allDay)
    {
        if (allDay)
        {
            writer.Line("DTSTART", ICalendarTime.Date(start, zone), ("VALUE", "DATE")).Line("DTEND", ICalendarTime.Date(end, zone), ("VALUE", "DATE"));
        }
        else if (e.TimeZoneId == "UTC")
        {
            writer.Line("DTSTART", ICalendarTime.Utc(start)).Line("DTEND", ICalendarTime.Utc(end));
        }
        else
        {
            writer.Line("DTSTART", ICalendarTime.Local(start, zone), ("TZID", e.TimeZoneId)).Line("DTEND", ICalendarTime.Local(end, zone), ("TZID", e.TimeZoneId));
        }
    }

    private static void WriteCommon(ContentWriter writer, string? subject, string? location, string? body, Sensitivity sensitivity, BusyStatus busy, IReadOnlyList<string> categories, int? reminder)
    {
        writer.Text("SUMMARY", subject).Text("LOCATION", location).Text("DESCRIPTION", body);
        writer.Line("CLASS", sensitivity switch { Sensitivity.Private or Sensitivity.Personal => "PRIVATE", Sensitivity.Confidential => "CONFIDENTIAL", _ => "PUBLIC" });
        writer.Line("TRANSP", busy == BusyStatus.Free ? "TRANSPARENT" : "OPAQUE");
        writer.Line("X-MICROSOFT-CDO-BUSYSTATUS", busy switch { BusyStatus.Free => "FREE", BusyStatus.Tentative => "TENTATIVE", BusyStatus.OutOfOffice => "OOF", BusyStatus.WorkingElsewhere => "WORKINGELSEWHERE", _ => "BUSY" });
        if (categories.Count > 0)
        {
            writer.Line("CATEGORIES", string.Join(',', categories.Select(ContentLine.Escape)));
        }

        if (reminder is { } minutes)
        {
            writer.Line("BEGIN", "VALARM").Line("ACTION", "DISPLAY").Text("DESCRIPTION", subject ?? "Reminder").Line("TRIGGER", $"-PT{minutes}M").Line("END", "VALARM");
        }
    }

    private static void WriteAttendee(ContentWriter writer, Attendee attendee, bool responseRequested) =>
        writer.Line("ATTENDEE", "mailto:" + attendee.Email,
            ("CN", attendee.Name),
            ("ROLE", attendee.Type switch { AttendeeType.Optional => "OPT-PARTICIPANT", AttendeeType.Resource => "NON-PARTICIPANT", _ => "REQ-PARTICIPANT" }),
            ("CUTYPE", attendee.Type == AttendeeType.Resource ? "RESOURCE" : null),
            ("PARTSTAT", attendee.Status switch { AttendeeStatus.Accepted => "ACCEPTED", AttendeeStatus.Tentative => "TENTATIVE", AttendeeStatus.Declined => "DECLINED", _ => "NEEDS-ACTION" }),
            ("RSVP", attendee.Status == AttendeeStatus.NeedsAction && responseRequested ? "TRUE" : null));

    private static (CalendarEvent Event, DateTimeOffset? RecurrenceId) ReadOne(List<ContentLine> lines, IReadOnlyDictionary<string, string> zones)
    {
        ContentLine? Get(string name) => lines.FirstOrDefault(l => l.Name == name);
        var startLine = Get("DTSTART") ?? throw new ConversionException("a VEVENT has no DTSTART");
        var (start, isDate, zoneId) = ICalendarTime.Parse(startLine, zones);
        var end = Get("DTEND") is { } endLine ? ICalendarTime.Parse(endLine, zones).Instant
            : Get("DURATION") is { } duration ? start + System.Xml.XmlConvert.ToTimeSpan(duration.Value.Trim())
            : isDate ? start.AddDays(1) : start;
        var busy = Get("X-MICROSOFT-CDO-BUSYSTATUS")?.Value.ToUpperInvariant() switch
        {
            "FREE" => BusyStatus.Free,
            "TENTATIVE" => BusyStatus.Tentative,
            "OOF" => BusyStatus.OutOfOffice,
            "WORKINGELSEWHERE" => BusyStatus.WorkingElsewhere,
            "BUSY" => BusyStatus.Busy,
            _ => Get("TRANSP")?.Value.Equals("TRANSPARENT", StringComparison.OrdinalIgnoreCase) == true ? BusyStatus.Free : BusyStatus.Busy,
        };
        var recurrenceId = Get("RECURRENCE-ID") is { } rid ? ICalendarTime.Parse(rid, zones).Instant : (DateTimeOffset?)null;
        var e = new CalendarEvent
        {
            Uid = Get("UID")?.Value.Trim(),
            Subject = Get("SUMMARY")?.Text,
            Location = Get("LOCATION")?.Text,
            Body = Get("DESCRIPTION")?.Text,
            Start = start,
            End = end,
            TimeZoneId = zoneId ?? "UTC",
            IsAllDay = isDate,
            BusyStatus = busy,
            Sensitivity = Get("CLASS")?.Value.ToUpperInvariant() switch { "PRIVATE" => Sensitivity.Private, "CONFIDENTIAL" => Sensitivity.Confidential, _ => Sensitivity.Normal },
            Sequence = int.TryParse(Get("SEQUENCE")?.Value, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0,
            Organizer = Get("ORGANIZER") is { } organizer ? new Attendee(Address(organizer.Value), organizer.Parameter("CN")) { Status = AttendeeStatus.Accepted } : null,
            Attendees = lines.Where(l => l.Name == "ATTENDEE").Select(ReadAttendee).ToList(),
            Categories = lines.Where(l => l.Name == "CATEGORIES").SelectMany(l => ContentLine.SplitEscaped(l.Value, ',')).Where(c => c.Length > 0).ToList(),
            ReminderMinutes = lines.FirstOrDefault(l => l.Name == "ALARM-TRIGGER") is { } trigger ? ReminderOf(trigger.Value) : null,
            MeetingStatus = Get("STATUS")?.Value.Equals("CANCELLED", StringComparison.OrdinalIgnoreCase) == true ? MeetingStatus.Cancelled : MeetingStatus.NotAMeeting,
        };
        if (Get("RRULE") is { } rrule)
        {
            e = e with { Recurrence = RecurrenceRule.Parse(rrule.Value, TimeZoneInfo.ConvertTime(start, TimeZones.Find(e.TimeZoneId))) };
        }

        var deleted = lines.Where(l => l.Name == "EXDATE")
            .SelectMany(l => l.Value.Split(',').Select(v => ICalendarTime.Parse(l with { Value = v }, zones).Instant))
            .Select(d => new EventException(d) { IsDeleted = true });
        return (e with { Exceptions = deleted.ToList() }, recurrenceId);
    }

    private static Attendee ReadAttendee(ContentLine line) =>
        new(Address(line.Value), line.Parameter("CN"))
        {
            Status = line.Parameter("PARTSTAT")?.ToUpperInvariant() switch { "ACCEPTED" => AttendeeStatus.Accepted, "TENTATIVE" => AttendeeStatus.Tentative, "DECLINED" => AttendeeStatus.Declined, _ => AttendeeStatus.NeedsAction },
            Type = line.Parameter("CUTYPE")?.ToUpperInvariant() is "RESOURCE" or "ROOM" || line.Parameter("ROLE")?.ToUpperInvariant() == "NON-PARTICIPANT" ? AttendeeType.Resource
                : line.Parameter("ROLE")?.ToUpperInvariant() == "OPT-PARTICIPANT" ? AttendeeType.Optional : AttendeeType.Required,
        };

    private static EventException AsException(CalendarEvent occurrence, DateTimeOffset recurrenceId, CalendarEvent master) => new(recurrenceId)
    {
        Start = occurrence.Start,
        End = occurrence.End,
        Subject = occurrence.Subject == master.Subject ? null : occurrence.Subject,
        Location = occurrence.Location == master.Location ? null : occurrence.Location,
        Body = occurrence.Body == master.Body ? null : occurrence.Body,
        BusyStatus = occurrence.BusyStatus == master.BusyStatus ? null : occurrence.BusyStatus,
        IsAllDay = occurrence.IsAllDay == master.IsAllDay ? null : occurrence.IsAllDay,
        ReminderMinutes = occurrence.ReminderMinutes == master.ReminderMinutes ? null : occurrence.ReminderMinutes,
        Sensitivity = occurrence.Sensitivity == master.Sensitivity ? null : occurrence.Sensitivity,
    };

    private static int? ReminderOf(string trigger)
    {
        var text = trigger.Trim();
        try
        {
            var span = System.Xml.XmlConvert.ToTimeSpan(text.TrimStart('-', '+'));
            return (int)Math.Round(span.TotalMinutes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Address(string value) =>
        value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : value.Trim();
}
