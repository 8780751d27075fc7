using System.Text;
using MimeKit.Tnef;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>
/// An Outlook meeting in a TNEF winmail.dat (MS-OXTNEF): its class (IPM.Schedule.Meeting.Request or
/// .Canceled, or the old "IPM.Microsoft Schedule.MtgReq"), its start and end (PidLidAppointmentStartWhole and
/// EndWhole, else PR_START_DATE and PR_END_DATE), location, all-day flag and the UID in PidLidGlobalObjectId.
/// </summary>
internal static class TnefInvitation
{
    private static readonly Guid Appointment = new("00062002-0000-0000-C000-000000000046");
    private static readonly Guid Meeting = new("6ED8DA90-450B-101B-98DA-00AA003F1305");

    public static Invitation? Read(TnefPart part)
    {
        string? messageClass = null, subject = null, location = null, body = null, uid = null, organizer = null, organizerName = null;
        DateTime? start = null, end = null;
        var allDay = false;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // TNEF strings are in the sender's ANSI code page
        if (part.Content is null)
        {
            return null;
        }

        using var content = part.Content.Open();
        using var reader = new TnefReader(content, 0, TnefComplianceMode.Loose);
        while (reader.ReadNextAttribute() && reader.AttributeLevel == TnefAttributeLevel.Message)
        {
            var properties = reader.TnefPropertyReader;
            switch (reader.AttributeTag)
            {
                case TnefAttributeTag.MessageClass:
                    messageClass ??= Attribute(() => Encoding.ASCII.GetString(properties.ReadValueAsBytes()).TrimEnd('\0'));
                    break;
                case TnefAttributeTag.MapiProperties:
                    while (properties.ReadNextProperty())
                    {
                        if (properties.IsNamedProperty && properties.PropertyNameId.Kind == TnefNameIdKind.Id)
                        {
                            var id = properties.PropertyNameId;
                            if (id.PropertySetGuid == Appointment && id.Id == 0x820D) { start = properties.ReadValueAsDateTime(); }
                            else if (id.PropertySetGuid == Appointment && id.Id == 0x820E) { end = properties.ReadValueAsDateTime(); }
                            else if (id.PropertySetGuid == Appointment && id.Id == 0x8208) { location = Text(properties); }
                            else if (id.PropertySetGuid == Appointment && id.Id == 0x8215) { allDay = properties.ReadValueAsBoolean(); }
                            else if (id.PropertySetGuid == Meeting && id.Id == 0x0003) { uid = UidOf(properties.ReadValueAsBytes()); }
                            continue;
                        }

                        switch (properties.PropertyTag.Id)
                        {
                            case TnefPropertyId.MessageClass: messageClass = Text(properties); break;
                            case TnefPropertyId.Subject: subject = Text(properties); break;
                            case TnefPropertyId.Body: body = Text(properties); break;
                            case TnefPropertyId.StartDate: start ??= properties.ReadValueAsDateTime(); break;
                            case TnefPropertyId.EndDate: end ??= properties.ReadValueAsDateTime(); break;
                            case TnefPropertyId.SentRepresentingEmailAddress: organizer = Text(properties); break;
                            case TnefPropertyId.SentRepresentingName: organizerName = Text(properties); break;
                        }
                    }

                    break;
            }
        }

        var method = messageClass switch
        {
            "IPM.Schedule.Meeting.Request" or "IPM.Microsoft Schedule.MtgReq" => "REQUEST",
            "IPM.Schedule.Meeting.Canceled" or "IPM.Microsoft Schedule.MtgCncl" => "CANCEL",
            _ => null,
        };
        if (method is null || start is null)
        {
            return null;
        }

        var startUtc = new DateTimeOffset(DateTime.SpecifyKind(start.Value.ToUniversalTime(), DateTimeKind.Utc));
        var meeting = new CalendarEvent
        {
            Uid = uid,
            Subject = subject,
            Location = location,
            Body = body,
            Start = startUtc,
            End = end is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e.ToUniversalTime(), DateTimeKind.Utc)) : startUtc.AddHours(1),
            IsAllDay = allDay,
            Organizer = organizer is null ? null : new Attendee(organizer, organizerName) { Status = AttendeeStatus.Accepted },
            MeetingStatus = method == "CANCEL" ? MeetingStatus.Cancelled : MeetingStatus.Attendee,
        };
        return new Invitation(method, meeting);
    }

    // The legacy attributes are optional: PR_MESSAGE_CLASS and the MAPI times say the same, and win.
    private static string? Attribute(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (Exception failure) when (failure is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string Text(TnefPropertyReader properties) => properties.ReadValueAsString().TrimEnd('\0').Trim();

    // MS-OXOCAL 2.2.1.27: a GlobalObjectId holding "vCal-Uid" carries an iCalendar UID; any other is its own hex.
    private static string UidOf(byte[] id)
    {
        var text = Encoding.ASCII.GetString(id);
        var marker = text.IndexOf("vCal-Uid", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var start = marker + 12;
            var end = Array.IndexOf(id, (byte)0, start);
            return Encoding.UTF8.GetString(id, start, (end < 0 ? id.Length : end) - start);
        }

        return Convert.ToHexString(id);
    }
}
