using MimeKit;
using Passerelle.ActiveSync.Conversion.ICalendar;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>The mails of iTIP over e-mail (RFC 6047): a text part for people, a text/calendar part with its METHOD for calendars.</summary>
internal static class ITipMessages
{
    public static MimeMessage Request(Account organizer, CalendarEvent meeting, IEnumerable<Attendee> to, string method = "REQUEST")
    {
        var message = New(organizer, method == "CANCEL" ? $"Canceled: {meeting.Subject}" : meeting.Subject ?? "Invitation", to.Select(a => new MailboxAddress(a.Name ?? a.Email, a.Email)));
        var text = $"{meeting.Subject}\n{meeting.Start:u} - {meeting.End:u}\n{meeting.Location}\n\n{meeting.Body}";
        message.Body = Body(text, method, ICalendarEvents.Write(method, [meeting]));
        return message;
    }

    /// <summary>An attendee's REPLY: the event with only that attendee, and their PARTSTAT.</summary>
    public static MimeMessage Reply(Account attendee, CalendarEvent meeting, AttendeeStatus answer)
    {
        var organizer = meeting.Organizer!;
        var verb = answer switch { AttendeeStatus.Accepted => "Accepted", AttendeeStatus.Tentative => "Tentative", _ => "Declined" };
        var message = New(attendee, $"{verb}: {meeting.Subject}", [new MailboxAddress(organizer.Name ?? organizer.Email, organizer.Email)]);
        var me = meeting.Attendees.FirstOrDefault(a => a.Email.Equals(attendee.Address, StringComparison.OrdinalIgnoreCase)) ?? new Attendee(attendee.Address, attendee.DisplayName);
        var reply = meeting with { Attendees = [me with { Status = answer, Name = me.Name ?? attendee.DisplayName }], Exceptions = [], ReminderMinutes = null };
        message.Body = Body($"{attendee.DisplayName} has {verb.ToLowerInvariant()} your invitation.", "REPLY", ICalendarEvents.Write("REPLY", [reply]));
        return message;
    }

    private static MimeMessage New(Account from, string subject, IEnumerable<MailboxAddress> to)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(new MailboxAddress(from.DisplayName, from.Address));
        message.To.AddRange(to);
        return message;
    }

    private static Multipart Body(string text, string method, string calendar)
    {
        var part = new TextPart("calendar") { Text = calendar, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.ContentType.Parameters["method"] = method;
        part.ContentType.Charset = "utf-8";
        var alternative = new MultipartAlternative { new TextPart("plain") { Text = text }, part };
        return alternative;
    }
}
