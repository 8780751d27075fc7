using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using Base = Passerelle.ActiveSync.Wbxml.CodePages.AirSyncBase;
using Cal = Passerelle.ActiveSync.Wbxml.CodePages.Calendar;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// calendar:Exception (MS-ASCAL 2.2.2.21): a deleted or changed occurrence, named by ExceptionStartTime up to
/// 14.1 and by airsyncbase:InstanceId from 16.0. An element left out is the series' value.
/// </summary>
internal static class ExceptionCodec
{
    public static void Write(WbxmlWriter writer, EventException x, CalendarEvent series, GroupwareWriteOptions options)
    {
        var version = options.Version;
        writer.WriteStartElement(Cal.Exception);
        if (x.IsDeleted)
        {
            writer.WriteElement(Cal.Deleted, 1);
        }

        if (version < ProtocolVersion.V160)
        {
            writer.WriteElement(Cal.ExceptionStartTime, CompactDate.Format(x.OriginalStart));
        }

        if (!x.IsDeleted)
        {
            var allDay = x.IsAllDay ?? series.IsAllDay;
            var asDate = version >= ProtocolVersion.V160 && allDay;
            writer.WriteIf(Cal.Subject, x.Subject);
            if (x.Start is { } start)
            {
                writer.WriteElement(Cal.StartTime, CalendarConverter.Time(series, start, allDay, asDate));
            }

            if (x.End is { } end)
            {
                writer.WriteElement(Cal.EndTime, CalendarConverter.Time(series, end, allDay, asDate));
            }

            if (x.Body is not null)
            {
                GroupwareBody.Write(writer, x.Body, null, options.BodyPreferences, version);
            }

            if (x.Location is not null)
            {
                LocationCodec.Write(writer, x.Location, new Dictionary<string, string>(), version);
            }

            if (x.Categories is { } categories)
            {
                writer.WriteList(Cal.Categories, Cal.Category, categories);
            }

            writer.WriteIf(Cal.Sensitivity, (int?)x.Sensitivity);
            writer.WriteIf(Cal.BusyStatus, (int?)x.BusyStatus);
            if (x.IsAllDay is { } isAllDay)
            {
                writer.WriteElement(Cal.AllDayEvent, isAllDay ? 1 : 0);
            }

            writer.WriteIf(Cal.Reminder, x.ReminderMinutes);
            if (x.MeetingStatus is { } status)
            {
                writer.WriteElement(Cal.MeetingStatus, CalendarConverter.MeetingStatusCode(status, new Dictionary<string, string>()));
            }

            if (x.Attendees is { } attendees && version >= ProtocolVersion.V120)
            {
                AttendeeCodec.Write(writer, attendees);
            }

            if (x.ResponseStatus is { } response && version >= ProtocolVersion.V140)
            {
                writer.WriteElement(Cal.ResponseType, AttendeeCodec.ResponseTypeOf(series with { MeetingStatus = MeetingStatus.Attendee, ResponseStatus = response }));
            }
        }

        if (version >= ProtocolVersion.V160)
        {
            writer.WriteElement(Base.InstanceId, EasDate.Format(x.OriginalStart));
        }

        writer.WriteEndElement();
    }

    /// <exception cref="ConversionException">The exception names no occurrence.</exception>
    public static EventException Read(WbxmlElement x, string zoneId, CalendarEvent current)
    {
        var original = CalendarConverter.ParseTime(x.Value(Cal.ExceptionStartTime) ?? x.Value(Base.InstanceId))
            ?? throw new ConversionException("an Exception has neither ExceptionStartTime nor InstanceId");
        var known = current.Exceptions.FirstOrDefault(e => e.OriginalStart == original);
        return Apply(x, new EventException(original), zoneId, current, known);
    }

    /// <summary>The fields an exception element gives, onto an occurrence (a 16.x Change of one instance).</summary>
    public static EventException Apply(WbxmlElement x, EventException onto, string zoneId, CalendarEvent series, EventException? known = null)
    {
        if (x.Value(Cal.Deleted) == "1")
        {
            return new EventException(onto.OriginalStart) { IsDeleted = true };
        }

        var allDay = x.Value(Cal.AllDayEvent) is { } flag ? flag == "1" : onto.IsAllDay;
        var start = CalendarConverter.ParseTime(x.Value(Cal.StartTime)) ?? onto.Start;
        var end = CalendarConverter.ParseTime(x.Value(Cal.EndTime)) ?? onto.End;
        if ((allDay ?? series.IsAllDay) && start is { } s)
        {
            var range = CalendarConverter.AllDayRange(s, end ?? s, zoneId);
            (start, end) = (range.Start, range.End);
        }

        var body = GroupwareBody.Read(x);
        return onto with
        {
            IsDeleted = false,
            Subject = x.Element(Cal.Subject)?.StringValue() ?? onto.Subject,
            Start = start,
            End = end,
            Body = body is { } given ? given.Text ?? "" : onto.Body,
            Location = LocationCodec.Has(x) ? LocationCodec.ReadText(x) ?? "" : onto.Location,
            Categories = x.Element(Cal.Categories) is { } categories ? categories.Elements(Cal.Category).Select(c => c.StringValue()).ToList() : onto.Categories,
            Sensitivity = x.Int(Cal.Sensitivity) is { } sensitivity ? (Sensitivity)Math.Clamp(sensitivity, 0, 3) : onto.Sensitivity,
            BusyStatus = x.Int(Cal.BusyStatus) is { } busy ? (BusyStatus)Math.Clamp(busy, 0, 4) : onto.BusyStatus,
            IsAllDay = allDay,
            ReminderMinutes = x.Int(Cal.Reminder) ?? onto.ReminderMinutes,
            MeetingStatus = x.Int(Cal.MeetingStatus) is { } status ? CalendarConverter.MeetingStatusOf(status) : onto.MeetingStatus,
            Attendees = x.Element(Cal.Attendees) is { } attendees ? AttendeeCodec.Read(attendees, known?.Attendees ?? series.Attendees) : onto.Attendees,
            ResponseStatus = x.Int(Cal.ResponseType) is { } response and >= 2 and <= 5 ? AttendeeCodec.StatusOf(response == 5 ? 0 : response) : onto.ResponseStatus,
        };
    }
}
