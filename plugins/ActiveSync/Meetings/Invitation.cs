using MimeKit;
using MimeKit.Tnef;
using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Conversion.ICalendar;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>
/// The iTIP message a mail carries (RFC 6047): a text/calendar part, or an Outlook TNEF winmail.dat whose
/// MAPI properties describe the meeting (MS-OXCICAL, MS-OXOCAL), read with MimeKit's TNEF reader.
/// </summary>
internal sealed record Invitation(string Method, CalendarEvent Event)
{
    public static Invitation? Find(MimeMessage message)
    {
        foreach (var part in message.BodyParts)
        {
            try
            {
                if (part is TextPart text && text.ContentType.IsMimeType("text", "calendar"))
                {
                    var parsed = ICalendarEvents.Read(TextCharsets.Decode(text));
                    if (parsed.Events.Count > 0)
                    {
                        var method = text.ContentType.Parameters["method"] ?? parsed.Method ?? "PUBLISH";
                        return new Invitation(method.ToUpperInvariant(), parsed.Events[0]);
                    }
                }
                else if (part is TnefPart tnef && TnefInvitation.Read(tnef) is { } fromTnef)
                {
                    // Outlook leaves the organizer to the mail's From when it sends its own meeting.
                    return fromTnef.Event.Organizer is null && message.From.Mailboxes.FirstOrDefault() is { } from
                        ? fromTnef with { Event = fromTnef.Event with { Organizer = new Attendee(from.Address, from.Name) { Status = AttendeeStatus.Accepted } } }
                        : fromTnef;
                }
            }
            catch (ConversionException)
            {
                // A calendar part we cannot read is no invitation; the mail stays a plain message.
            }
        }

        return null;
    }
}
