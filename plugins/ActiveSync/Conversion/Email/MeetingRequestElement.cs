using System.Text;
using Passerelle.ActiveSync.Conversion.Groupware;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Meetings;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;
using E = Passerelle.ActiveSync.Wbxml.CodePages.Email;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>
/// email:MeetingRequest (MS-ASEMAIL 2.2.2.48) of an invitation or a cancellation, from its iTIP event: the
/// times, the organizer, the recurrence, the Timezone blob and the GlobalObjId made from the UID.
/// </summary>
internal static class MeetingRequestElement
{
    public const string Canceled = "IPM.Schedule.Meeting.Canceled";

    /// <summary>The message class of an iTIP mail, or null when it is none the device shows as a meeting.</summary>
    public static string? ClassOf(Invitation? invitation) => invitation?.Method switch
    {
        "REQUEST" => MessageClassifier.MeetingRequest,
        "CANCEL" => Canceled,
        "REPLY" => invitation.Event.Attendees.FirstOrDefault()?.Status switch
        {
            AttendeeStatus.Accepted => "IPM.Schedule.Meeting.Resp.Pos",
            AttendeeStatus.Tentative => "IPM.Schedule.Meeting.Resp.Tent",
            AttendeeStatus.Declined => "IPM.Schedule.Meeting.Resp.Neg",
            _ => null,
        },
        _ => null,
    };

    public static void Write(WbxmlWriter writer, Invitation invitation, ProtocolVersion version)
    {
        var e = invitation.Event;
        writer.WriteStartElement(E.MeetingRequest);
        writer.WriteElement(E.AllDayEvent, e.IsAllDay ? 1 : 0);
        writer.WriteElement(E.StartTime, EasDate.Format(e.Start));
        writer.WriteElement(E.DtStamp, EasDate.Format(e.LastModified == default ? e.Start : e.LastModified));
        writer.WriteElement(E.EndTime, EasDate.Format(e.End));
        writer.WriteElement(E.InstanceType, e.Recurrence is null ? 0 : 1);
        if (version < ProtocolVersion.V160)
        {
            writer.WriteIf(E.Location, e.Location);
        }
        else if (!string.IsNullOrEmpty(e.Location))
        {
            writer.WriteStartElement(AirSyncBase.Location);
            writer.WriteElement(AirSyncBase.DisplayName, WbxmlText.Safe(e.Location));
            writer.WriteEndElement();
        }

        if (e.Organizer is { } organizer)
        {
            writer.WriteElement(E.Organizer, WbxmlText.Safe(organizer.Name is { } name ? $"\"{name}\" <{organizer.Email}>" : organizer.Email));
        }

        writer.WriteIf(E.Reminder, e.ReminderMinutes);
        writer.WriteElement(E.ResponseRequested, e.ResponseRequested ? 1 : 0);
        if (e.Recurrence is { } rule)
        {
            WriteRecurrence(writer, rule);
        }

        writer.WriteElement(E.Sensitivity, (int)e.Sensitivity);
        writer.WriteElement(E.BusyStatus, (int)(invitation.Method == "CANCEL" ? BusyStatus.Free : BusyStatus.Tentative));
        writer.WriteElement(E.TimeZone, TimeZones.BlobOf(e.TimeZoneId, e.Start.Year));
        writer.WriteElement(E.GlobalObjId, Convert.ToBase64String(GlobalObjectId(e.Uid ?? "")));
        if (version >= ProtocolVersion.V140)
        {
            writer.WriteElement(E.DisallowNewTimeProposal, e.DisallowNewTimeProposal ? 1 : 0);
        }

        if (version >= ProtocolVersion.V141)
        {
            writer.WriteElement(Email2.MeetingMessageType, 1); // an initial or updated request
        }

        writer.WriteEndElement();
    }

    private static void WriteRecurrence(WbxmlWriter writer, Recurrence rule)
    {
        writer.WriteStartElement(E.Recurrences);
        writer.WriteStartElement(E.Recurrence);
        writer.WriteElement(E.Type, rule.Frequency switch
        {
            RecurrenceFrequency.Daily => 0,
            RecurrenceFrequency.Weekly => 1,
            RecurrenceFrequency.Monthly => rule.WeekOfMonth is null ? 2 : 3,
            _ => rule.WeekOfMonth is null ? 5 : 6,
        });
        writer.WriteElement(E.Interval, rule.Interval);
        if (rule.Until is { } until)
        {
            writer.WriteElement(E.Until, EasDate.Format(until));
        }

        writer.WriteIf(E.Occurrences, rule.Count);
        if (rule.DaysOfWeek.Count > 0)
        {
            writer.WriteElement(E.DayOfWeek, rule.DaysOfWeek.Aggregate(0, (mask, day) => mask | (1 << (int)day)));
        }

        writer.WriteIf(E.DayOfMonth, rule.DayOfMonth);
        writer.WriteIf(E.WeekOfMonth, rule.WeekOfMonth);
        writer.WriteIf(E.MonthOfYear, rule.MonthOfYear);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>MS-OXOCAL 2.2.1.27: the Outlook id of an iCalendar UID, "vCal-Uid" form.</summary>
    public static byte[] GlobalObjectId(string uid)
    {
        byte[] classId = [0x04, 0x00, 0x00, 0x00, 0x82, 0x00, 0xE0, 0x00, 0x74, 0xC5, 0xB7, 0x10, 0x1A, 0x82, 0xE0, 0x08];
        var data = Encoding.ASCII.GetBytes("vCal-Uid").Concat(new byte[] { 1, 0, 0, 0 }).Concat(Encoding.UTF8.GetBytes(uid)).Append((byte)0).ToArray();
        var id = new byte[classId.Length + 4 + 8 + 8 + 4 + data.Length];
        classId.CopyTo(id, 0);
        BitConverter.GetBytes(data.Length).CopyTo(id, 36);
        data.CopyTo(id, 40);
        return id;
    }
}
