using Passerelle.ActiveSync.Conversion.Groupware;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class CalendarSyncTests
{
    // As Windows writes Central Europe: last Sunday of October 03:00, last Sunday of March 02:00.
    private static readonly string Paris = TimeZoneBlobTests.Blob(-60, "W. Europe Standard Time", (10, 0, 5, 3), 0, "W. Europe Daylight Time", (3, 0, 5, 2), -60);

    // Mondays 09:00 Paris from 2 March 2026, ten times; the 9 March occurrence deleted, the 16 March one moved to Tuesday 14:00.
    private static readonly string WeeklyMeeting = $"""
        <calendar:Timezone>{Paris}</calendar:Timezone>
        <calendar:AllDayEvent>0</calendar:AllDayEvent>
        <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>Agenda: everything.</airsyncbase:Data></airsyncbase:Body>
        <calendar:BusyStatus>2</calendar:BusyStatus>
        <calendar:OrganizerName>Alice Example</calendar:OrganizerName>
        <calendar:OrganizerEmail>alice@example.test</calendar:OrganizerEmail>
        <calendar:EndTime>20260302T090000Z</calendar:EndTime>
        <calendar:Location>Room 1</calendar:Location>
        <calendar:Reminder>15</calendar:Reminder>
        <calendar:Sensitivity>2</calendar:Sensitivity>
        <calendar:Subject>Weekly sync</calendar:Subject>
        <calendar:StartTime>20260302T080000Z</calendar:StartTime>
        <calendar:UID>weekly-1@example.test</calendar:UID>
        <calendar:MeetingStatus>0</calendar:MeetingStatus>
        <calendar:Categories><calendar:Category>Team</calendar:Category></calendar:Categories>
        <calendar:Recurrence><calendar:Type>1</calendar:Type><calendar:Occurrences>10</calendar:Occurrences><calendar:Interval>1</calendar:Interval><calendar:DayOfWeek>2</calendar:DayOfWeek><calendar:FirstDayOfWeek>1</calendar:FirstDayOfWeek></calendar:Recurrence>
        <calendar:Exceptions>
          <calendar:Exception><calendar:Deleted>1</calendar:Deleted><calendar:ExceptionStartTime>20260309T080000Z</calendar:ExceptionStartTime></calendar:Exception>
          <calendar:Exception><calendar:ExceptionStartTime>20260316T080000Z</calendar:ExceptionStartTime><calendar:Subject>Weekly sync (moved)</calendar:Subject><calendar:StartTime>20260317T130000Z</calendar:StartTime><calendar:EndTime>20260317T140000Z</calendar:EndTime></calendar:Exception>
        </calendar:Exceptions>
        <calendar:ResponseRequested>1</calendar:ResponseRequested>
        <calendar:DisallowNewTimeProposal>1</calendar:DisallowNewTimeProposal>
        """;

    [Fact]
    public async Task WeeklyEvent_WithAMovedAndADeletedOccurrence_SurvivesBothDirections()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var older = phones.Older.FolderOfType(8);
        var modern = phones.Modern.FolderOfType(8);
        await phones.Older.SyncAsync(older);
        await phones.Modern.SyncAsync(modern);

        await GroupwarePhones.AddAsync(phones.Older, older, WeeklyMeeting);
        var add = await GroupwarePhones.NextAsync(phones.Modern, modern, "Add");
        var onModern = GroupwarePhones.Data(add);

        Assert.Equal("Weekly sync", EasPhone.Child(onModern, "Subject"));
        Assert.Equal("20260302T080000Z", EasPhone.Child(onModern, "StartTime"));
        Assert.Equal("20260302T090000Z", EasPhone.Child(onModern, "EndTime"));
        Assert.Equal("Room 1", EasPhone.Child(onModern, "DisplayName")); // 16.x: airsyncbase:Location
        Assert.Equal("weekly-1@example.test", EasPhone.Child(onModern, "UID"));
        Assert.Equal("Agenda: everything.", EasPhone.Child(onModern, "Data"));
        Assert.True(TimeZoneBlob.Parse(EasPhone.Child(onModern, "Timezone")!).SameRuleAs(TimeZoneBlob.Parse(Paris)));
        foreach (var (name, value) in new[] { ("Reminder", "15"), ("Sensitivity", "2"), ("BusyStatus", "2"), ("Category", "Team"), ("DisallowNewTimeProposal", "1"), ("AllDayEvent", "0") })
        {
            Assert.Equal(value, EasPhone.Child(onModern, name));
        }

        var recurrence = onModern.Descendants().Single(e => e.Name.LocalName == "Recurrence");
        Assert.Equal(("1", "10", "2"), (EasPhone.Child(recurrence, "Type"), EasPhone.Child(recurrence, "Occurrences"), EasPhone.Child(recurrence, "DayOfWeek")));
        var exceptions = onModern.Descendants().Where(e => e.Name.LocalName == "Exception").ToList();
        Assert.Equal(2, exceptions.Count);
        Assert.Contains(exceptions, x => EasPhone.Child(x, "Deleted") == "1" && EasPhone.Child(x, "InstanceId") == "2026-03-09T08:00:00.000Z");
        Assert.Contains(exceptions, x => EasPhone.Child(x, "InstanceId") == "2026-03-16T08:00:00.000Z" && EasPhone.Child(x, "StartTime") == "20260317T130000Z" && EasPhone.Child(x, "Subject") == "Weekly sync (moved)");

        // The 16.1 phone deletes one more occurrence and moves another by their InstanceId (after the change to summer time).
        var serverId = EasPhone.Child(add, "ServerId");
        var change = await phones.Modern.SyncAsync(modern, $"""
            <Delete><ServerId>{serverId}</ServerId><airsyncbase:InstanceId>2026-03-23T08:00:00.000Z</airsyncbase:InstanceId></Delete>
            <Change><ServerId>{serverId}</ServerId><ApplicationData>
              <airsyncbase:InstanceId>2026-03-30T07:00:00.000Z</airsyncbase:InstanceId>
              <calendar:StartTime>20260330T120000Z</calendar:StartTime><calendar:EndTime>20260330T130000Z</calendar:EndTime>
            </ApplicationData></Change>
            """);
        Assert.Equal("1", change.Value("Status"));
        Assert.Empty(change.All("Responses"));

        var onOlder = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Older, older, "Change"));
        var olderExceptions = onOlder.Descendants().Where(e => e.Name.LocalName == "Exception").ToList();
        Assert.Equal(4, olderExceptions.Count);
        Assert.Contains(olderExceptions, x => EasPhone.Child(x, "Deleted") == "1" && EasPhone.Child(x, "ExceptionStartTime") == "20260309T080000Z");
        Assert.Contains(olderExceptions, x => EasPhone.Child(x, "Deleted") == "1" && EasPhone.Child(x, "ExceptionStartTime") == "20260323T080000Z");
        Assert.Contains(olderExceptions, x => EasPhone.Child(x, "ExceptionStartTime") == "20260316T080000Z" && EasPhone.Child(x, "StartTime") == "20260317T130000Z");
        Assert.Contains(olderExceptions, x => EasPhone.Child(x, "ExceptionStartTime") == "20260330T070000Z" && EasPhone.Child(x, "StartTime") == "20260330T120000Z");
        Assert.Equal("Room 1", EasPhone.Child(onOlder, "Location"));
        Assert.Equal("Weekly sync", onOlder.Elements().Single(e => e.Name.LocalName == "Subject").Value);
    }

    [Fact]
    public async Task Event_EveryFieldRoundTripsFrom141To161AndBack_Unchanged()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var older = phones.Older.FolderOfType(8);
        var modern = phones.Modern.FolderOfType(8);
        await phones.Older.SyncAsync(older);
        await phones.Modern.SyncAsync(modern);
        await GroupwarePhones.AddAsync(phones.Older, older, WeeklyMeeting + """
            <calendar:Attendees><calendar:Attendee><calendar:Email>bob@example.test</calendar:Email><calendar:Name>Bob Example</calendar:Name><calendar:AttendeeStatus>3</calendar:AttendeeStatus><calendar:AttendeeType>2</calendar:AttendeeType></calendar:Attendee></calendar:Attendees>
            <calendar:OnlineMeetingConfLink>https://meet.example.test/conf</calendar:OnlineMeetingConfLink>
            """);
        var first = await GroupwarePhones.NextAsync(phones.Modern, modern, "Add");
        var onModern = GroupwarePhones.Data(first);

        // The 16.1 phone sends the event back as it has it; the 14.1 phone gets what it first wrote.
        await phones.Modern.SyncAsync(modern, $"<Change><ServerId>{EasPhone.Child(first, "ServerId")}</ServerId><ApplicationData>{GroupwarePhones.Echo(onModern, "UID", "ResponseType")}</ApplicationData></Change>");
        var back = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Older, older, "Change"));

        var sent = GroupwarePhones.Leaves(System.Xml.Linq.XElement.Parse($"<ApplicationData xmlns=\"AirSync:\" xmlns:airsyncbase=\"AirSyncBase:\" xmlns:calendar=\"Calendar:\">{WeeklyMeeting}</ApplicationData>"));
        Assert.All(sent.Where(l => !l.StartsWith("Timezone=", StringComparison.Ordinal)), leaf => Assert.Contains(leaf, GroupwarePhones.Leaves(back)));
        Assert.True(TimeZoneBlob.Parse(EasPhone.Child(back, "Timezone")!).SameRuleAs(TimeZoneBlob.Parse(Paris)));
        var bob = back.Descendants().Single(e => e.Name.LocalName == "Attendee");
        Assert.Equal(("3", "2", "Bob Example"), (EasPhone.Child(bob, "AttendeeStatus"), EasPhone.Child(bob, "AttendeeType"), EasPhone.Child(bob, "Name")));
        Assert.Equal("https://meet.example.test/conf", EasPhone.Child(back, "OnlineMeetingConfLink"));
    }

    private static readonly string[] Zones =
    [
        "Europe/Paris", "America/New_York", "America/Sao_Paulo", "America/Santiago", "Australia/Sydney", "Pacific/Auckland",
        "Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu", "Africa/Johannesburg", "Pacific/Chatham",
    ];

    [Fact]
    public async Task EventsIn11Zones_FromA141Phone_GiveTheRightInstantsAndDatesToA161Phone()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var older = phones.Older.FolderOfType(8);
        var modern = phones.Modern.FolderOfType(8);
        await phones.Older.SyncAsync(older);
        await phones.Modern.SyncAsync(modern);
        var zones = Zones;
        var commands = new System.Text.StringBuilder();
        foreach (var (id, n) in zones.Select((id, n) => (id, n)))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            var blob = TimeZoneBlob.For(zone, 2026).ToBase64();
            // A whole day, 15 July (summer north, winter south), and 09:00 local on 15 January.
            var midnight = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 7, 15), zone);
            var nextMidnight = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 7, 16), zone);
            var nine = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 1, 15, 9, 0, 0), zone);
            commands.Append($"""
                <Add><ClientId>d{n}</ClientId><ApplicationData><calendar:Timezone>{blob}</calendar:Timezone><calendar:AllDayEvent>1</calendar:AllDayEvent>
                  <calendar:StartTime>{midnight:yyyyMMdd'T'HHmmss'Z'}</calendar:StartTime><calendar:EndTime>{nextMidnight:yyyyMMdd'T'HHmmss'Z'}</calendar:EndTime>
                  <calendar:Subject>day {id}</calendar:Subject></ApplicationData></Add>
                <Add><ClientId>t{n}</ClientId><ApplicationData><calendar:Timezone>{blob}</calendar:Timezone><calendar:AllDayEvent>0</calendar:AllDayEvent>
                  <calendar:StartTime>{nine:yyyyMMdd'T'HHmmss'Z'}</calendar:StartTime><calendar:EndTime>{nine.AddHours(1):yyyyMMdd'T'HHmmss'Z'}</calendar:EndTime>
                  <calendar:Subject>nine {id}</calendar:Subject></ApplicationData></Add>
                """);
        }

        var added = await phones.Older.SyncAsync(older, commands.ToString());
        Assert.All(added.All("Add"), a => Assert.Equal("1", EasPhone.Child(a, "Status")));

        var items = (await phones.Modern.SyncAllAsync(modern)).Select(GroupwarePhones.Data).ToDictionary(d => EasPhone.Child(d, "Subject")!);
        foreach (var id in zones)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            var day = items[$"day {id}"];
            Assert.Equal(("1", "20260715T000000Z", "20260716T000000Z"), (EasPhone.Child(day, "AllDayEvent"), EasPhone.Child(day, "StartTime"), EasPhone.Child(day, "EndTime")));
            var nine = items[$"nine {id}"];
            Assert.Equal($"{TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 1, 15, 9, 0, 0), zone):yyyyMMdd'T'HHmmss'Z'}", EasPhone.Child(nine, "StartTime"));
            var device = TimeZoneBlob.Parse(EasPhone.Child(nine, "Timezone")!).ToCustomZone();
            Assert.Equal(zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)), device.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
            Assert.Equal(zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)), device.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        }

        // Back to a 14.1 phone the whole day is local midnights again, with the zone.
        var second = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "ANDROID2", "Android", "14.1");
        await second.SetupAsync();
        var again = (await second.SyncAllAsync(second.FolderOfType(8))).Select(GroupwarePhones.Data).ToDictionary(d => EasPhone.Child(d, "Subject")!);
        foreach (var id in zones)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            Assert.Equal($"{TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 7, 15), zone):yyyyMMdd'T'HHmmss'Z'}", EasPhone.Child(again[$"day {id}"], "StartTime"));
        }
    }

    [Fact]
    public async Task FilterType_SendsOnlyEventsEndingInsideThePastWindow()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var calendar = phones.Older.FolderOfType(8);
        await phones.Older.SyncAsync(calendar);
        var now = DateTime.UtcNow;
        string Event(string id, DateTime start, string extra = "") =>
            $"<Add><ClientId>{id}</ClientId><ApplicationData><calendar:StartTime>{start:yyyyMMdd'T'HHmmss'Z'}</calendar:StartTime><calendar:EndTime>{start.AddHours(1):yyyyMMdd'T'HHmmss'Z'}</calendar:EndTime><calendar:Subject>{id}</calendar:Subject>{extra}</ApplicationData></Add>";
        await phones.Older.SyncAsync(calendar, Event("old", now.AddDays(-60)) + Event("recent", now.AddDays(-3)) + Event("future", now.AddDays(10))
            + Event("series", now.AddDays(-400), "<calendar:Recurrence><calendar:Type>0</calendar:Type><calendar:Interval>1</calendar:Interval></calendar:Recurrence>"));

        var modern = phones.Modern.FolderOfType(8);
        var twoWeeks = "<FilterType>4</FilterType>";
        var items = await phones.Modern.SyncAllAsync(modern, twoWeeks);

        Assert.Equal(["future", "recent", "series"], items.Select(i => EasPhone.Child(i, "Subject")).Order());
    }
}
