using System.Text;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class MeetingTests
{
    private const string Uid = "planning-2026@example.test";

    private static readonly string Invitation = """
        From: Alice Example <alice@example.test>
        To: Bob Example <bob@example.test>
        Subject: Planning
        Message-ID: <planning-1@example.test>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Let us plan.
        --b1
        Content-Type: text/calendar; charset=utf-8; method=REQUEST

        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//EN
        METHOD:REQUEST
        BEGIN:VTIMEZONE
        TZID:Europe/Paris
        BEGIN:STANDARD
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:planning-2026@example.test
        DTSTAMP:20260401T080000Z
        SEQUENCE:0
        DTSTART;TZID=Europe/Paris:20260415T100000
        DTEND;TZID=Europe/Paris:20260415T110000
        SUMMARY:Planning
        LOCATION:Room 2
        ORGANIZER;CN=Alice Example:mailto:alice@example.test
        ATTENDEE;CN=Bob Example;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.test
        END:VEVENT
        END:VCALENDAR
        --b1--
        """.ReplaceLineEndings("\r\n");

    [Fact]
    public async Task AliceInvitesBob_BobAccepts_AliceGetsTheReplyAndSeesBobAccepted()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var alice = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "ALICE141", "Android", "14.1");
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "BOB161", "iPhone", "16.1");
        await alice.SetupAsync();
        await bob.SetupAsync();
        // A 14.1 phone puts the meeting in its own calendar and sends the invitation itself.
        var aliceCalendar = alice.FolderOfType(8);
        await alice.SyncAsync(aliceCalendar);
        await GroupwarePhones.AddAsync(alice, aliceCalendar, $"""
            <calendar:StartTime>20260415T080000Z</calendar:StartTime><calendar:EndTime>20260415T090000Z</calendar:EndTime>
            <calendar:Subject>Planning</calendar:Subject><calendar:UID>{Uid}</calendar:UID><calendar:MeetingStatus>1</calendar:MeetingStatus>
            <calendar:OrganizerEmail>alice@example.test</calendar:OrganizerEmail><calendar:OrganizerName>Alice Example</calendar:OrganizerName>
            <calendar:Attendees><calendar:Attendee><calendar:Email>bob@example.test</calendar:Email><calendar:Name>Bob Example</calendar:Name><calendar:AttendeeType>1</calendar:AttendeeType></calendar:Attendee></calendar:Attendees>
            """);
        await SendMailAsync(alice, Invitation);

        var request = await InboxItemAsync(bob, "Planning");
        Assert.Equal("IPM.Schedule.Meeting.Request", EasPhone.Child(request, "MessageClass"));
        var meeting = request.Descendants().Single(e => e.Name.LocalName == "MeetingRequest");
        Assert.Equal(("2026-04-15T08:00:00.000Z", "2026-04-15T09:00:00.000Z"), (EasPhone.Child(meeting, "StartTime"), EasPhone.Child(meeting, "EndTime")));
        Assert.Contains("alice@example.test", EasPhone.Child(meeting, "Organizer"), StringComparison.Ordinal);
        Assert.Contains(Uid, Encoding.UTF8.GetString(Convert.FromBase64String(EasPhone.Child(meeting, "GlobalObjId")!)), StringComparison.Ordinal);

        var answer = await RespondAsync(bob, EasPhone.Child(request, "ServerId")!, 1);
        Assert.Equal("1", answer.Value("Status"));
        var calendarId = answer.Value("CalendarId")!;

        var onBob = Assert.Single(await bob.SyncAllAsync(bob.FolderOfType(8)));
        Assert.Equal(calendarId, EasPhone.Child(onBob, "ServerId"));
        Assert.Equal(("Planning", Uid, "3", "3"), (EasPhone.Child(onBob, "Subject"), EasPhone.Child(onBob, "UID"), EasPhone.Child(onBob, "MeetingStatus"), EasPhone.Child(onBob, "ResponseType")));
        Assert.Equal("20260415T080000Z", EasPhone.Child(onBob, "StartTime"));

        var reply = await InboxItemAsync(alice, "Accepted: Planning");
        Assert.Equal("IPM.Schedule.Meeting.Resp.Pos", EasPhone.Child(reply, "MessageClass"));
        var onAlice = GroupwarePhones.Data(await GroupwarePhones.NextAsync(alice, aliceCalendar, "Change"));
        var bobAttendee = onAlice.Descendants().Single(e => e.Name.LocalName == "Attendee" && EasPhone.Child(e, "Email") == ActiveSyncHost.Bob);
        Assert.Equal("3", EasPhone.Child(bobAttendee, "AttendeeStatus"));
    }

    [Fact]
    public async Task TnefInvitation_ShowsAsAMeetingRequest_AndAcceptingItFillsTheCalendarAndRepliesToTheOrganizer()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var tnef = Convert.ToBase64String(TnefWriter.MeetingRequest("outlook-77@example.test", "Budget review", "Room 3", new DateTime(2026, 5, 6, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 6, 13, 30, 0, DateTimeKind.Utc), "alice@example.test"), Base64FormattingOptions.InsertLineBreaks);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [$"""
            From: Alice Example <alice@example.test>
            To: Bob Example <bob@example.test>
            Subject: Budget review
            Message-ID: <tnef-1@example.test>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b2"

            --b2
            Content-Type: text/plain; charset=utf-8

            Please come.
            --b2
            Content-Type: application/ms-tnef; name="winmail.dat"
            Content-Disposition: attachment; filename="winmail.dat"
            Content-Transfer-Encoding: base64

            {tnef}
            --b2--
            """]);
        using var alice = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "ALICE161", "iPhone", "16.1");
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "BOB141", "Android", "14.1");
        await alice.SetupAsync();
        await bob.SetupAsync();

        var request = await InboxItemAsync(bob, "Budget review");
        Assert.Equal("IPM.Schedule.Meeting.Request", EasPhone.Child(request, "MessageClass"));
        var meeting = request.Descendants().Single(e => e.Name.LocalName == "MeetingRequest");
        Assert.Equal(("2026-05-06T12:00:00.000Z", "2026-05-06T13:30:00.000Z", "Room 3"), (EasPhone.Child(meeting, "StartTime"), EasPhone.Child(meeting, "EndTime"), EasPhone.Child(meeting, "Location")));

        var answer = await RespondAsync(bob, EasPhone.Child(request, "ServerId")!, 2);
        Assert.Equal("1", answer.Value("Status"));
        var onBob = Assert.Single(await bob.SyncAllAsync(bob.FolderOfType(8)));
        Assert.Equal(("Budget review", "outlook-77@example.test", "2", "1"), (EasPhone.Child(onBob, "Subject"), EasPhone.Child(onBob, "UID"), EasPhone.Child(onBob, "ResponseType"), EasPhone.Child(onBob, "BusyStatus")));
        var reply = await InboxItemAsync(alice, "Tentative: Budget review");
        Assert.Equal("IPM.Schedule.Meeting.Resp.Tent", EasPhone.Child(reply, "MessageClass"));
    }

    [Fact]
    public async Task OrganizerOn161_AddsChangesAndDeletesAMeeting_TheServerSendsRequestUpdateAndCancel()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var alice = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "ALICE161", "iPhone", "16.1");
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "BOB161", "iPhone", "16.1");
        await alice.SetupAsync();
        await bob.SetupAsync();
        var calendar = alice.FolderOfType(8);
        await alice.SyncAsync(calendar);
        // iOS leaves the organizer out of the events it creates (FIELD-NOTES 21).
        var serverId = await GroupwarePhones.AddAsync(alice, calendar, """
            <calendar:StartTime>20260610T070000Z</calendar:StartTime><calendar:EndTime>20260610T080000Z</calendar:EndTime>
            <calendar:Subject>Retro</calendar:Subject><calendar:ClientUid>retro-1</calendar:ClientUid>
            <calendar:Attendees><calendar:Attendee><calendar:Email>bob@example.test</calendar:Email><calendar:Name>Bob Example</calendar:Name><calendar:AttendeeType>1</calendar:AttendeeType></calendar:Attendee></calendar:Attendees>
            """);

        var invitation = await InboxItemAsync(bob, "Retro");
        Assert.Equal("IPM.Schedule.Meeting.Request", EasPhone.Child(invitation, "MessageClass"));
        using var second = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "ALICE2", "iPhone", "16.1");
        await second.SetupAsync();
        var onAlice = Assert.Single(await second.SyncAllAsync(second.FolderOfType(8)));
        Assert.Equal(("1", "alice@example.test"), (EasPhone.Child(onAlice, "MeetingStatus"), EasPhone.Child(onAlice, "OrganizerEmail")));

        await alice.SyncAsync(calendar, $"""
            <Change><ServerId>{serverId}</ServerId><ApplicationData>
              <calendar:StartTime>20260610T090000Z</calendar:StartTime><calendar:EndTime>20260610T100000Z</calendar:EndTime><calendar:Subject>Retro</calendar:Subject>
              <calendar:Attendees><calendar:Attendee><calendar:Email>bob@example.test</calendar:Email><calendar:Name>Bob Example</calendar:Name><calendar:AttendeeType>1</calendar:AttendeeType></calendar:Attendee></calendar:Attendees>
            </ApplicationData></Change>
            """);
        var inbox = bob.FolderOfType(2);
        var update = Assert.Single(EasPhone.Commands(await bob.SyncAsync(inbox), "Add"));
        Assert.Equal("2026-06-10T09:00:00.000Z", EasPhone.Child(update, "StartTime"));

        await alice.SyncAsync(calendar, $"<Delete><ServerId>{serverId}</ServerId></Delete>");
        var cancel = Assert.Single(EasPhone.Commands(await bob.SyncAsync(inbox), "Add"));
        Assert.Equal(("IPM.Schedule.Meeting.Canceled", "Canceled: Retro"), (EasPhone.Child(cancel, "MessageClass"), EasPhone.Child(cancel, "Subject")));
    }

    private static async Task SendMailAsync(EasPhone phone, string mime)
    {
        var answer = await phone.Client.SendAsync("SendMail", $"""
            <SendMail xmlns="ComposeMail:"><ClientId>{Guid.NewGuid():N}</ClientId><Mime opaque="base64">{Convert.ToBase64String(Encoding.UTF8.GetBytes(mime))}</Mime></SendMail>
            """);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
    }

    private static async Task<System.Xml.Linq.XElement> InboxItemAsync(EasPhone phone, string subject)
    {
        var inbox = phone.FolderOfType(2);
        var items = phone.Keys.ContainsKey(inbox) ? EasPhone.Commands(await phone.SyncAsync(inbox), "Add").ToList() : await phone.SyncAllAsync(inbox);
        Assert.True(items.Count(i => EasPhone.Child(i, "Subject") == subject) == 1, string.Join(" | ", items.Select(i => EasPhone.Child(i, "Subject"))));
        return items.Single(i => EasPhone.Child(i, "Subject") == subject);
    }

    private static Task<EasAnswer> RespondAsync(EasPhone phone, string requestId, int response) =>
        phone.Client.SendAsync("MeetingResponse", $"""
            <MeetingResponse xmlns="MeetingResponse:" xmlns:airsyncbase="AirSyncBase:"><Request>
              <UserResponse>{response}</UserResponse><CollectionId>{phone.FolderOfType(2)}</CollectionId><RequestId>{requestId}</RequestId>
              <SendResponse><airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>Fine.</airsyncbase:Data></airsyncbase:Body></SendResponse>
            </Request></MeetingResponse>
            """);
}
