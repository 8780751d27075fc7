using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using Cal = Passerelle.ActiveSync.Wbxml.CodePages.Calendar;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// calendar:Attendees (MS-ASCAL 2.2.2.4): AttendeeStatus 0 unknown, 2 tentative, 3 accepted, 4 declined,
/// 5 not responded; AttendeeType 1 required, 2 optional, 3 resource. Devices rarely send a status: an
/// attendee they list keeps the one the store has.
/// </summary>
internal static class AttendeeCodec
{
    public static void Write(WbxmlWriter writer, IReadOnlyList<Attendee> attendees)
    {
        if (attendees.Count == 0)
        {
            return;
        }

        writer.WriteStartElement(Cal.Attendees);
        foreach (var attendee in attendees)
        {
            writer.WriteStartElement(Cal.Attendee);
            writer.WriteElement(Cal.Email, WbxmlText.Safe(attendee.Email));
            writer.WriteElement(Cal.Name, WbxmlText.Safe(attendee.Name ?? attendee.Email));
            writer.WriteElement(Cal.AttendeeStatus, StatusCode(attendee.Status));
            writer.WriteElement(Cal.AttendeeType, attendee.Type switch { AttendeeType.Optional => 2, AttendeeType.Resource => 3, _ => 1 });
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    public static List<Attendee> Read(WbxmlElement attendees, IReadOnlyList<Attendee> current) =>
        attendees.Elements(Cal.Attendee)
            .Where(a => !string.IsNullOrWhiteSpace(a.Value(Cal.Email)))
            .Select(a =>
            {
                var email = a.Value(Cal.Email)!.Trim();
                var known = current.FirstOrDefault(c => c.Email.Equals(email, StringComparison.OrdinalIgnoreCase));
                var name = a.Value(Cal.Name);
                return new Attendee(email, string.IsNullOrEmpty(name) || name == email ? known?.Name : name)
                {
                    Status = a.Int(Cal.AttendeeStatus) is { } status ? StatusOf(status) : known?.Status ?? AttendeeStatus.NeedsAction,
                    Type = a.Int(Cal.AttendeeType) switch { 2 => AttendeeType.Optional, 3 => AttendeeType.Resource, 1 => AttendeeType.Required, _ => known?.Type ?? AttendeeType.Required },
                };
            })
            .ToList();

    public static int StatusCode(AttendeeStatus status) => status switch
    {
        AttendeeStatus.Tentative => 2,
        AttendeeStatus.Accepted => 3,
        AttendeeStatus.Declined => 4,
        _ => 0,
    };

    public static AttendeeStatus StatusOf(int code) => code switch
    {
        2 => AttendeeStatus.Tentative,
        3 => AttendeeStatus.Accepted,
        4 => AttendeeStatus.Declined,
        _ => AttendeeStatus.NeedsAction,
    };

    /// <summary>calendar:ResponseType (14.0+): 0 none, 1 organizer, 2 tentative, 3 accepted, 4 declined, 5 not responded.</summary>
    public static int ResponseTypeOf(CalendarEvent calendarEvent) => calendarEvent.MeetingStatus switch
    {
        MeetingStatus.NotAMeeting => 0,
        MeetingStatus.Organizer => 1,
        _ => calendarEvent.ResponseStatus switch
        {
            AttendeeStatus.Tentative => 2,
            AttendeeStatus.Accepted => 3,
            AttendeeStatus.Declined => 4,
            _ => 5,
        },
    };
}
