using MimeKit;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Mail;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>
/// An attendee answers an invitation (MS-ASCMD 2.2.1.11): the meeting goes into the calendar with the answer
/// (a declined one leaves it), the REPLY goes to the organizer (from 16.0 only when the device asks with
/// SendResponse), and an organizer on this server sees the answer in their own event at once.
/// </summary>
internal sealed class MeetingResponder(
    ItemLocator locator,
    MeetingCalendar calendar,
    OutgoingMail outgoing,
    IEnumerable<IAccountDirectory> directories)
{
    public async Task<MeetingAnswer> RespondAsync(EasContext context, MeetingRequestRef request, IReadOnlyList<EasFolder> folders, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(context, request, folders, cancellationToken);
        if (invitation?.Event.Uid is not { } uid)
        {
            return MeetingAnswer.Failed(MeetingStatusCodes.InvalidRequest);
        }

        var existing = await calendar.FindAsync(context.AccountId, uid, cancellationToken);
        var answer = request.Answer;
        var meeting = Answered(existing is null || invitation.Event.Sequence >= existing.Sequence ? invitation.Event : existing, context.Account, answer) with { Id = existing?.Id ?? "" };
        string? calendarId = null;
        if (answer == AttendeeStatus.Declined)
        {
            if (existing is not null)
            {
                await calendar.Store.DeleteItemAsync(context.AccountId, existing.FolderId, existing.Id, cancellationToken);
            }
        }
        else
        {
            var stored = existing is null
                ? await calendar.Store.CreateItemAsync(context.AccountId, (await calendar.DefaultAsync(context.AccountId, cancellationToken)).Id, meeting, cancellationToken)
                : await calendar.Store.UpdateItemAsync(context.AccountId, existing.FolderId, meeting with { FolderId = existing.FolderId }, cancellationToken);
            calendarId = folders.FirstOrDefault(f => f.Class == EasClass.Calendar && f.Store.FolderId == stored.FolderId) is { } folder ? $"{folder.ServerId}:{stored.Id}" : null;
        }

        if (meeting.Organizer is { } organizer && !organizer.Email.Equals(context.Account.Address, StringComparison.OrdinalIgnoreCase)
            && (context.Version < ProtocolVersion.V160 || request.SendResponse))
        {
            await outgoing.SendAsync(context, ITipMessages.Reply(context.Account, meeting, answer), null, saveInSent: false, null, null, cancellationToken);
            await UpdateLocalOrganizerAsync(organizer.Email, uid, context.Account.Address, answer, cancellationToken);
        }

        return new MeetingAnswer(MeetingStatusCodes.Success, calendarId);
    }

    private static CalendarEvent Answered(CalendarEvent meeting, Account me, AttendeeStatus answer)
    {
        var attendees = meeting.Attendees.Any(a => a.Email.Equals(me.Address, StringComparison.OrdinalIgnoreCase))
            ? meeting.Attendees.Select(a => a.Email.Equals(me.Address, StringComparison.OrdinalIgnoreCase) ? a with { Status = answer } : a).ToList()
            : [.. meeting.Attendees, new Attendee(me.Address, me.DisplayName) { Status = answer }];
        return meeting with
        {
            Attendees = attendees,
            ResponseStatus = answer,
            MeetingStatus = MeetingStatus.Attendee,
            BusyStatus = answer == AttendeeStatus.Tentative ? BusyStatus.Tentative : meeting.BusyStatus,
        };
    }

    // The calendar attendant for organizers of this server: the REPLY is also applied to their event.
    private async Task UpdateLocalOrganizerAsync(string organizerAddress, string uid, string attendeeAddress, AttendeeStatus answer, CancellationToken cancellationToken)
    {
        foreach (var directory in directories)
        {
            if (await directory.FindAccountAsync(organizerAddress, cancellationToken) is not { } organizer)
            {
                continue;
            }

            if (await calendar.FindAsync(organizer.Id, uid, cancellationToken) is { } own)
            {
                var attendees = own.Attendees.Select(a => a.Email.Equals(attendeeAddress, StringComparison.OrdinalIgnoreCase) ? a with { Status = answer } : a).ToList();
                await calendar.Store.UpdateItemAsync(organizer.Id, own.FolderId, own with { Attendees = attendees }, cancellationToken);
            }

            return;
        }
    }

    private async Task<Invitation?> FindAsync(EasContext context, MeetingRequestRef request, IReadOnlyList<EasFolder> folders, CancellationToken cancellationToken)
    {
        var folder = folders.FirstOrDefault(f => f.ServerId == (request.CollectionId ?? request.RequestId.Split(':')[0]));
        // FIELD-NOTES 21: some devices name the calendar item instead of the invitation in the Inbox.
        if (folder?.Class == EasClass.Calendar)
        {
            var itemId = request.RequestId[(request.RequestId.IndexOf(':', StringComparison.Ordinal) + 1)..];
            return await calendar.Store.GetItemAsync(context.AccountId, folder.Store.FolderId, itemId, cancellationToken) is CalendarEvent e ? new Invitation("REQUEST", e) : null;
        }

        if (await locator.FindAsync(context, folder?.ServerId, request.RequestId, cancellationToken) is not { } located)
        {
            return null;
        }

        await using var mime = await located.OpenAsync(context, cancellationToken);
        var message = await MimeMessage.LoadAsync(mime, cancellationToken);
        return Invitation.Find(message) is { Method: "REQUEST" } invitation ? invitation : null;
    }
}

/// <summary>One Request of a MeetingResponse.</summary>
internal sealed record MeetingRequestRef(string RequestId, string? CollectionId, AttendeeStatus Answer, bool SendResponse);

/// <summary>The Result of one request: its status and the calendar item it made.</summary>
internal sealed record MeetingAnswer(int Status, string? CalendarId)
{
    public static MeetingAnswer Failed(int status) => new(status, null);
}

/// <summary>MeetingResponse statuses (MS-ASCMD 2.2.3.177.8).</summary>
internal static class MeetingStatusCodes
{
    public const int Success = 1;
    public const int InvalidRequest = 2;
    public const int MailboxError = 3;
    public const int ServerError = 4;
}
