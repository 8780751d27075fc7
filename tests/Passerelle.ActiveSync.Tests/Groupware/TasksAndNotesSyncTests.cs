using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class TasksAndNotesSyncTests
{
    // Every Tasks field (MS-ASTASK 2.2.2): local and UTC dates two hours apart, a monthly "second Tuesday" regenerating rule.
    private const string FullTask = """
        <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>Write it all down.</airsyncbase:Data></airsyncbase:Body>
        <tasks:Subject>Quarterly report</tasks:Subject>
        <tasks:Importance>2</tasks:Importance>
        <tasks:UtcStartDate>2026-04-01T07:00:00.000Z</tasks:UtcStartDate>
        <tasks:StartDate>2026-04-01T09:00:00.000Z</tasks:StartDate>
        <tasks:UtcDueDate>2026-04-14T15:00:00.000Z</tasks:UtcDueDate>
        <tasks:DueDate>2026-04-14T17:00:00.000Z</tasks:DueDate>
        <tasks:Categories><tasks:Category>Work</tasks:Category></tasks:Categories>
        <tasks:Recurrence><tasks:Type>3</tasks:Type><tasks:Start>2026-04-14T00:00:00.000Z</tasks:Start><tasks:Until>2027-04-14T00:00:00.000Z</tasks:Until><tasks:Interval>3</tasks:Interval><tasks:DayOfWeek>4</tasks:DayOfWeek><tasks:WeekOfMonth>2</tasks:WeekOfMonth><tasks:Regenerate>1</tasks:Regenerate><tasks:DeadOccur>0</tasks:DeadOccur><tasks:CalendarType>0</tasks:CalendarType><tasks:IsLeapMonth>0</tasks:IsLeapMonth><tasks:FirstDayOfWeek>1</tasks:FirstDayOfWeek></tasks:Recurrence>
        <tasks:Complete>0</tasks:Complete>
        <tasks:Sensitivity>1</tasks:Sensitivity>
        <tasks:ReminderTime>2026-04-14T07:00:00.000Z</tasks:ReminderTime>
        <tasks:ReminderSet>1</tasks:ReminderSet>
        <tasks:OrdinalDate>2026-03-01T10:00:00.000Z</tasks:OrdinalDate>
        <tasks:SubOrdinalDate>5000000000</tasks:SubOrdinalDate>
        """;

    [Fact]
    public async Task Task_EveryFieldRoundTripsBetweenPhones_AndCompletingItTakesItOutOfTheIncompleteFilter()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var modern = phones.Modern.FolderOfType(7);
        var older = phones.Older.FolderOfType(7);
        const string incomplete = "<FilterType>8</FilterType>";
        await phones.Modern.SyncAsync(modern, options: incomplete);
        await phones.Older.SyncAsync(older, options: incomplete);

        await GroupwarePhones.AddAsync(phones.Modern, modern, FullTask, options: incomplete);
        var onOlder = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Older, older, "Add", incomplete));

        var expected = GroupwarePhones.Leaves(System.Xml.Linq.XElement.Parse($"<ApplicationData xmlns=\"AirSync:\" xmlns:airsyncbase=\"AirSyncBase:\" xmlns:tasks=\"Tasks:\">{FullTask}</ApplicationData>"));
        Assert.All(expected, leaf => Assert.Contains(leaf, GroupwarePhones.Leaves(onOlder)));

        // Completed on the 14.1 phone: the 16.1 phone gets DateCompleted; a new incomplete-only sync leaves it out.
        var serverId = EasPhone.Child(onOlder.Parent!, "ServerId");
        var completed = await phones.Older.SyncAsync(older, $"<Change><ServerId>{serverId}</ServerId><ApplicationData>{GroupwarePhones.Echo(onOlder, "Complete")}<tasks:Complete>1</tasks:Complete><tasks:DateCompleted>2026-04-10T12:00:00.000Z</tasks:DateCompleted></ApplicationData></Change>", options: incomplete);
        Assert.True(completed.Value("Status") == "1" && !completed.All("Responses").Any(), completed.ToString());
        var change = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Modern, modern, "Change", incomplete));
        Assert.Equal(("1", "2026-04-10T12:00:00.000Z"), (EasPhone.Child(change, "Complete"), EasPhone.Child(change, "DateCompleted")));
        Assert.All(expected.Where(l => !l.StartsWith("Complete", StringComparison.Ordinal)), leaf => Assert.Contains(leaf, GroupwarePhones.Leaves(change)));

        using var third = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "THIRD", "iPhone", "16.1");
        await third.SetupAsync();
        Assert.Empty(await third.SyncAllAsync(third.FolderOfType(7), incomplete));
        using var fourth = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "FOURTH", "iPhone", "16.1");
        await fourth.SetupAsync();
        Assert.Single(await fourth.SyncAllAsync(fourth.FolderOfType(7))); // FilterType 0: every task
    }

    [Fact]
    public async Task Note_RoundTripsBetweenA161AndA141Phone_WithHtmlForAnHtmlOnlyDevice()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var modern = phones.Modern.FolderOfType(10);
        var older = phones.Older.FolderOfType(10);
        await phones.Modern.SyncAsync(modern);
        await phones.Older.SyncAsync(older);

        await GroupwarePhones.AddAsync(phones.Modern, modern, """
            <airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:Data>Milk, eggs &amp; bread</airsyncbase:Data></airsyncbase:Body>
            <notes:Subject>Shopping</notes:Subject><notes:MessageClass>IPM.StickyNote</notes:MessageClass>
            <notes:Categories><notes:Category>Home</notes:Category></notes:Categories>
            """);
        var html = "<airsyncbase:BodyPreference><airsyncbase:Type>2</airsyncbase:Type></airsyncbase:BodyPreference>";
        var onOlder = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Older, older, "Add", html));

        Assert.Equal(("Shopping", "IPM.StickyNote", "Home", "2"), (EasPhone.Child(onOlder, "Subject"), EasPhone.Child(onOlder, "MessageClass"), EasPhone.Child(onOlder, "Category"), EasPhone.Child(onOlder, "Type")));
        Assert.Contains("Milk, eggs &amp; bread", EasPhone.Child(onOlder, "Data"), StringComparison.Ordinal);
        Assert.NotNull(EasPhone.Child(onOlder, "LastModifiedDate"));

        var serverId = EasPhone.Child(onOlder.Parent!, "ServerId");
        await phones.Older.SyncAsync(older, $"<Change><ServerId>{serverId}</ServerId><ApplicationData><notes:Subject>Shopping list</notes:Subject><notes:Categories><notes:Category>Home</notes:Category></notes:Categories></ApplicationData></Change>", options: html);
        var back = GroupwarePhones.Data(await GroupwarePhones.NextAsync(phones.Modern, modern, "Change"));
        Assert.Equal(("Shopping list", "Milk, eggs & bread"), (EasPhone.Child(back, "Subject"), EasPhone.Child(back, "Data")));
    }
}
