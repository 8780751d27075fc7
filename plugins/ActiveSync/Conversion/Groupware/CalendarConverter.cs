using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using Base = Passerelle.ActiveSync.Wbxml.CodePages.AirSyncBase;
using Cal = Passerelle.ActiveSync.Wbxml.CodePages.Calendar;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// Calendar (MS-ASCAL 2.2.2). Times are UTC Compact DateTimes with the event's zone as a Timezone blob.
/// All-day events are midnights of the zone up to 14.1; from 16.0 they are dates, sent as midnight UTC
/// (FIELD-NOTES 19). 16.x puts the location in airsyncbase:Location and names an occurrence by
/// airsyncbase:InstanceId instead of ExceptionStartTime; the device sends ClientUid, the server the UID.
/// </summary>
internal sealed class CalendarConverter : IGroupwareConverter
{
    public const string MeetingStatusKey = "eas:MeetingStatus";
    public const string ReplyTimeKey = "eas:AppointmentReplyTime";
    public const string ConfLinkKey = "eas:OnlineMeetingConfLink";
    public const string ExternalLinkKey = "eas:OnlineMeetingExternalLink";

    public EasClass Class => EasClass.Calendar;

    public GroupwareKind Kind => GroupwareKind.Calendar;

    public bool InFilter(GroupwareItem item, CollectionContext context) => context.WithinWindow(LastEnd((CalendarEvent)item));

    public DateTimeOffset? SortDate(GroupwareItem item) => ((CalendarEvent)item).Start;

    public void Write(WbxmlWriter writer, GroupwareItem item, GroupwareWriteOptions options)
    {
        var e = (CalendarEvent)item;
        var version = options.Version;
        var dates = version >= ProtocolVersion.V160 && e.IsAllDay;
        if (!dates)
        {
            writer.WriteElement(Cal.Timezone, TimeZones.BlobOf(e.TimeZoneId, e.Start.Year));
        }

        writer.WriteElement(Cal.AllDayEvent, e.IsAllDay ? 1 : 0);
        GroupwareBody.Write(writer, e.Body, null, options.BodyPreferences, version);
        writer.WriteElement(Cal.BusyStatus, (int)e.BusyStatus);
        if (e.Organizer is { } organizer)
        {
            writer.WriteIf(Cal.OrganizerName, organizer.Name ?? organizer.Email);
            writer.WriteIf(Cal.OrganizerEmail, organizer.Email);
        }

        writer.WriteElement(Cal.DtStamp, CompactDate.Format(e.LastModified));
        writer.WriteElement(Cal.EndTime, Time(e, e.End, e.IsAllDay, dates));
        LocationCodec.Write(writer, e.Location, e.Extra, version);
        writer.WriteIf(Cal.Reminder, e.ReminderMinutes);
        writer.WriteElement(Cal.Sensitivity, (int)e.Sensitivity);
        writer.WriteIf(Cal.Subject, e.Subject);
        writer.WriteElement(Cal.StartTime, Time(e, e.Start, e.IsAllDay, dates));
        writer.WriteIf(Cal.UID, e.Uid);
        writer.WriteElement(Cal.MeetingStatus, MeetingStatusCode(e.MeetingStatus, e.Extra));
        AttendeeCodec.Write(writer, e.Attendees);
        writer.WriteList(Cal.Categories, Cal.Category, e.Categories);
        if (e.Recurrence is { } recurrence)
        {
            RecurrenceCodec.Calendar.Write(writer, recurrence, e.Extra, version);
        }

        WriteExceptions(writer, e, options);
        if (version >= ProtocolVersion.V140)
        {
            writer.WriteElement(Cal.ResponseRequested, e.ResponseRequested ? 1 : 0);
            writer.WriteIf(Cal.AppointmentReplyTime, e.Extra.GetValueOrDefault(ReplyTimeKey));
            writer.WriteElement(Cal.ResponseType, AttendeeCodec.ResponseTypeOf(e));
            writer.WriteElement(Cal.DisallowNewTimeProposal, e.DisallowNewTimeProposal ? 1 : 0);
        }

        if (version >= ProtocolVersion.V141)
        {
            writer.WriteIf(Cal.OnlineMeetingConfLink, e.Extra.GetValueOrDefault(ConfLinkKey));
            writer.WriteIf(Cal.OnlineMeetingExternalLink, e.Extra.GetValueOrDefault(ExternalLinkKey));
        }
    }

    public GroupwareItem Read(IncomingItem incoming, GroupwareItem? current, ProtocolVersion version)
    {
        var old = current as CalendarEvent ?? new CalendarEvent();
        var data = incoming.Data;
        var allDay = incoming.Flag(Cal.AllDayEvent, old.IsAllDay);
        var start = ParseTime(data.Value(Cal.StartTime)) ?? (incoming.IsChange ? old.Start : throw new ConversionException("an event has no StartTime"));
        var zoneId = data.Value(Cal.Timezone) is { Length: > 0 } blob ? TimeZones.IdOf(blob, start.Year) : incoming.IsChange ? old.TimeZoneId : "UTC";
        var end = ParseTime(data.Value(Cal.EndTime)) ?? (incoming.IsChange ? old.End : start + TimeSpan.FromMinutes(30));
        (start, end) = allDay ? AllDayRange(start, end, zoneId) : (start, end < start ? start : end);
        var extra = RecurrenceCodec.WithoutRecurrenceExtra(old.Extra);
        var recurrence = RecurrenceCodec.Calendar.Read(data.Element(Cal.Recurrence));
        foreach (var (key, value) in recurrence?.Extra ?? [])
        {
            extra[key] = value;
        }

        var body = GroupwareBody.Read(data);
        var meetingCode = incoming.Int(Cal.MeetingStatus, MeetingStatusCode(old.MeetingStatus, old.Extra)) ?? 0;
        SetExtra(extra, MeetingStatusKey, meetingCode is 0 or 1 or 3 or 7 ? null : Invariant(meetingCode));
        SetExtra(extra, ReplyTimeKey, incoming.Text(Cal.AppointmentReplyTime, old.Extra.GetValueOrDefault(ReplyTimeKey)));
        SetExtra(extra, ConfLinkKey, incoming.Text(Cal.OnlineMeetingConfLink, old.Extra.GetValueOrDefault(ConfLinkKey)));
        SetExtra(extra, ExternalLinkKey, incoming.Text(Cal.OnlineMeetingExternalLink, old.Extra.GetValueOrDefault(ExternalLinkKey)));
        var location = LocationCodec.Read(incoming, old.Location, old.Extra, extra, version);
        var organizerEmail = incoming.Text(Cal.OrganizerEmail, old.Organizer?.Email);
        var organizerName = incoming.Text(Cal.OrganizerName, old.Organizer?.Name);
        return old with
        {
            TimeZoneId = zoneId,
            IsAllDay = allDay,
            Start = start,
            End = end,
            Body = body is { } given ? given.Text : incoming.KeepsAlways(Base.Body) ? old.Body : null,
            BusyStatus = (BusyStatus)Math.Clamp(incoming.Int(Cal.BusyStatus, (int)old.BusyStatus) ?? (int)BusyStatus.Busy, 0, 4),
            Organizer = organizerEmail is null ? null : new Attendee(organizerEmail, organizerName == organizerEmail ? null : organizerName) { Status = AttendeeStatus.Accepted },
            Location = location,
            ReminderMinutes = incoming.Int(Cal.Reminder, old.ReminderMinutes),
            Sensitivity = (Sensitivity)Math.Clamp(incoming.Int(Cal.Sensitivity, (int)old.Sensitivity) ?? 0, 0, 3),
            Subject = incoming.Text(Cal.Subject, old.Subject),
            Uid = Uid(incoming, old, version),
            MeetingStatus = MeetingStatusOf(meetingCode),
            Attendees = data.Element(Cal.Attendees) is { } attendees ? AttendeeCodec.Read(attendees, old.Attendees) : incoming.Keeps(Cal.Attendees) ? old.Attendees : [],
            Categories = incoming.List(Cal.Categories, Cal.Category, old.Categories),
            Recurrence = recurrence?.Rule ?? (incoming.Keeps(Cal.Recurrence) ? old.Recurrence : null),
            Exceptions = data.Element(Cal.Exceptions) is { } exceptions
                ? exceptions.Elements(Cal.Exception).Select(x => ExceptionCodec.Read(x, zoneId, old)).ToList()
                : incoming.Keeps(Cal.Exceptions) ? old.Exceptions : [],
            ResponseRequested = version >= ProtocolVersion.V140 ? incoming.Flag(Cal.ResponseRequested, old.ResponseRequested) || (!incoming.Has(Cal.ResponseRequested) && !incoming.IsChange) : old.ResponseRequested,
            ResponseStatus = data.Int(Cal.ResponseType) is { } response ? ResponseOf(response) : old.ResponseStatus,
            DisallowNewTimeProposal = version >= ProtocolVersion.V140 ? incoming.Flag(Cal.DisallowNewTimeProposal, old.DisallowNewTimeProposal) : old.DisallowNewTimeProposal,
            Extra = extra,
        };
    }

    /// <summary>The end of the last occurrence, or null when the series never ends (in every window).</summary>
    public static DateTimeOffset? LastEnd(CalendarEvent e) => e.Recurrence switch
    {
        null => e.End,
        { Until: { } until } => until + (e.End - e.Start),
        _ => null,
    };

    /// <summary>An event time as sent: an instant, or for 16.x all-day events the date at midnight UTC.</summary>
    internal static string Time(CalendarEvent e, DateTimeOffset value, bool allDay, bool asDate)
    {
        if (!asDate || !allDay)
        {
            return CompactDate.Format(value);
        }

        var local = TimeZoneInfo.ConvertTime(value, TimeZones.Find(e.TimeZoneId));
        return CompactDate.Format(new DateTimeOffset(local.Date, TimeSpan.Zero));
    }

    /// <summary>A Compact DateTime; 16.x all-day times may come without the Z.</summary>
    internal static DateTimeOffset? ParseTime(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : EasDate.Parse(text.Trim().Length == 15 ? text.Trim() + "Z" : text, "a calendar time");

    /// <summary>
    /// Midnights of the zone for an all-day event: a time at midnight UTC is a date (16.x); any other time is
    /// an instant whose local date counts, rounded to the nearest midnight (Samsung sends offsets, FIELD-NOTES 19).
    /// </summary>
    internal static (DateTimeOffset Start, DateTimeOffset End) AllDayRange(DateTimeOffset start, DateTimeOffset end, string zoneId)
    {
        var zone = TimeZones.Find(zoneId);
        var first = DateOf(start, zone);
        var last = DateOf(end, zone);
        if (last <= first)
        {
            last = first.AddDays(1);
        }

        return (Midnight(first, zone), Midnight(last, zone));
    }

    internal static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // DST starting at midnight (America/Santiago): the first valid time
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateOnly DateOf(DateTimeOffset value, TimeZoneInfo zone)
    {
        if (value.UtcDateTime.TimeOfDay == TimeSpan.Zero && zone.GetUtcOffset(value) != TimeSpan.Zero && TimeZoneInfo.ConvertTime(value, zone).TimeOfDay != TimeSpan.Zero)
        {
            return DateOnly.FromDateTime(value.UtcDateTime);
        }

        var local = TimeZoneInfo.ConvertTime(value, zone).DateTime;
        return DateOnly.FromDateTime(local.TimeOfDay >= TimeSpan.FromHours(12) ? local.AddDays(1) : local);
    }

    private static string? Uid(IncomingItem incoming, CalendarEvent old, ProtocolVersion version)
    {
        if (!string.IsNullOrEmpty(old.Uid))
        {
            return old.Uid; // the UID of a stored event never changes (MS-ASCAL 2.2.2.46)
        }

        return version >= ProtocolVersion.V160 ? incoming.Data.Value(Cal.ClientUid) : incoming.Data.Value(Cal.UID);
    }

    public static int MeetingStatusCode(MeetingStatus status, IReadOnlyDictionary<string, string> extra) =>
        extra.TryGetValue(MeetingStatusKey, out var raw) && int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var code) && MeetingStatusOf(code) == status
            ? code
            : status switch { MeetingStatus.Organizer => 1, MeetingStatus.Attendee => 3, MeetingStatus.Cancelled => 7, _ => 0 };

    public static MeetingStatus MeetingStatusOf(int code) => code switch
    {
        1 or 9 => MeetingStatus.Organizer,
        3 or 11 => MeetingStatus.Attendee,
        5 or 7 or 13 or 15 => MeetingStatus.Cancelled,
        _ => MeetingStatus.NotAMeeting,
    };

    private static AttendeeStatus? ResponseOf(int code) => code switch
    {
        2 => AttendeeStatus.Tentative,
        3 => AttendeeStatus.Accepted,
        4 => AttendeeStatus.Declined,
        5 => AttendeeStatus.NeedsAction,
        _ => null,
    };

    private static void WriteExceptions(WbxmlWriter writer, CalendarEvent e, GroupwareWriteOptions options)
    {
        if (e.Exceptions.Count == 0)
        {
            return;
        }

        writer.WriteStartElement(Cal.Exceptions);
        foreach (var exception in e.Exceptions)
        {
            ExceptionCodec.Write(writer, exception, e, options);
        }

        writer.WriteEndElement();
    }

    internal static void SetExtra(Dictionary<string, string> extra, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            extra.Remove(key);
        }
        else
        {
            extra[key] = value;
        }
    }

    internal static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
