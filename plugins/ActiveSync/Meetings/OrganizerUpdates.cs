using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Mail;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Sync.Classes;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>
/// A meeting the account organizes, changed on a 16.x phone: the server sends the invitations, updates and
/// cancellations (MS-ASCMD 2.2.3.178: from 16.0 the server sends them; older phones send their own with
/// SendMail). A device's event with attendees and no organizer is the account's (FIELD-NOTES 21).
/// </summary>
internal sealed class OrganizerUpdates(OutgoingMail outgoing) : IGroupwareChangeObserver
{
    public GroupwareItem Completing(GroupwareItem item, GroupwareItem? current, CollectionContext context)
    {
        if (item is not CalendarEvent e || e.Attendees.Count == 0)
        {
            return item;
        }

        var account = context.Request.Account;
        if (e.Organizer is null)
        {
            e = e with
            {
                Organizer = new Attendee(account.Address, account.DisplayName) { Status = AttendeeStatus.Accepted },
                MeetingStatus = e.MeetingStatus == MeetingStatus.NotAMeeting ? MeetingStatus.Organizer : e.MeetingStatus,
            };
        }

        var organizer = e.Organizer!;
        return current is CalendarEvent before && IsMe(organizer, context) && Significant(before, e) ? e with { Sequence = before.Sequence + 1 } : e;
    }

    public async Task ChangedAsync(GroupwareItem? before, GroupwareItem? after, CollectionContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Version < ProtocolVersion.V160)
        {
            return;
        }

        var old = before as CalendarEvent;
        var now = after as CalendarEvent;
        var meeting = now ?? old;
        if (meeting?.Organizer is not { } organizer || !IsMe(organizer, context) || meeting.MeetingStatus == MeetingStatus.NotAMeeting)
        {
            return;
        }

        var others = (CalendarEvent e) => e.Attendees.Where(a => !a.Email.Equals(context.Request.Account.Address, StringComparison.OrdinalIgnoreCase)).ToList();
        if (now is null || (now.MeetingStatus == MeetingStatus.Cancelled && old?.MeetingStatus != MeetingStatus.Cancelled))
        {
            await SendAsync(context, meeting with { MeetingStatus = MeetingStatus.Cancelled }, others(old ?? meeting), "CANCEL", cancellationToken);
            return;
        }

        var removed = old is null ? [] : others(old).Where(a => !now.Attendees.Any(n => n.Email.Equals(a.Email, StringComparison.OrdinalIgnoreCase))).ToList();
        await SendAsync(context, now with { MeetingStatus = MeetingStatus.Cancelled }, removed, "CANCEL", cancellationToken);
        var added = old is null ? others(now) : others(now).Where(a => !old.Attendees.Any(o => o.Email.Equals(a.Email, StringComparison.OrdinalIgnoreCase))).ToList();
        var invited = old is not null && Significant(old, now) ? others(now) : added;
        await SendAsync(context, now, invited, "REQUEST", cancellationToken);
    }

    private async Task SendAsync(CollectionContext context, CalendarEvent meeting, IReadOnlyList<Attendee> to, string method, CancellationToken cancellationToken)
    {
        if (to.Count > 0)
        {
            await outgoing.SendAsync(context.Request, ITipMessages.Request(context.Request.Account, meeting, to, method), null, saveInSent: false, null, null, cancellationToken);
        }
    }

    private static bool IsMe(Attendee organizer, CollectionContext context) =>
        context.Request.Account.Addresses.Any(a => a.Equals(organizer.Email, StringComparison.OrdinalIgnoreCase));

    // RFC 5546 2.1.4: a change of time, place or recurrence is one attendees must be told of.
    private static bool Significant(CalendarEvent before, CalendarEvent after) =>
        before.Start != after.Start || before.End != after.End || before.Location != after.Location || before.Subject != after.Subject
        || RuleOf(before) != RuleOf(after) || !Occurrences(before).SequenceEqual(Occurrences(after)) || before.IsAllDay != after.IsAllDay;

    private static string? RuleOf(CalendarEvent e) => e.Recurrence is { } rule ? Conversion.ICalendar.RecurrenceRule.Format(rule) : null;

    private static IEnumerable<(DateTimeOffset, bool, DateTimeOffset?, DateTimeOffset?, string?)> Occurrences(CalendarEvent e) =>
        e.Exceptions.OrderBy(x => x.OriginalStart).Select(x => (x.OriginalStart, x.IsDeleted, x.Start, x.End, x.Location));
}
