using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class ImportExportTests
{
    private const string Calendar = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Test//EN
        BEGIN:VEVENT
        UID:yoga@example.test
        DTSTAMP:20260101T000000Z
        DTSTART;TZID=America/New_York:20260105T180000
        DTEND;TZID=America/New_York:20260105T190000
        RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO
        EXDATE;TZID=America/New_York:20260112T180000
        SUMMARY:Yoga
        LOCATION:Studio\, 5th floor
        CATEGORIES:Health,Personal
        BEGIN:VALARM
        ACTION:DISPLAY
        TRIGGER:-PT30M
        END:VALARM
        END:VEVENT
        BEGIN:VEVENT
        UID:yoga@example.test
        DTSTAMP:20260101T000000Z
        RECURRENCE-ID;TZID=America/New_York:20260119T180000
        DTSTART;TZID=America/New_York:20260120T190000
        DTEND;TZID=America/New_York:20260120T200000
        SUMMARY:Yoga (Tuesday)
        END:VEVENT
        BEGIN:VTODO
        UID:taxes@example.test
        SUMMARY:Taxes
        DUE:20260415T220000Z
        PRIORITY:1
        STATUS:NEEDS-ACTION
        END:VTODO
        END:VCALENDAR
        """;

    private const string Cards = """
        BEGIN:VCARD
        VERSION:3.0
        UID:dan@example.test
        FN:Dan Example
        N:Example;Dan;;;
        ORG:Example SA;Sales
        EMAIL;TYPE=INTERNET:dan@example.org
        TEL;TYPE=CELL:+1 555 0100
        ADR;TYPE=WORK:;;1 Main St;Springfield;IL;62701;USA
        BDAY:1975-02-03
        NOTE:Likes tea
        END:VCARD
        """;

    [Fact]
    public async Task Import_PutsEventsTasksAndContactsInTheDefaultFolders_AndExportGivesThemBack()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var directory = TestPaths.NewTemporaryDirectory("import");
        var ics = Path.Combine(directory, "calendar.ics");
        var vcf = Path.Combine(directory, "contacts.vcf");
        await File.WriteAllTextAsync(ics, Calendar.ReplaceLineEndings("\r\n"));
        await File.WriteAllTextAsync(vcf, Cards.ReplaceLineEndings("\r\n"));

        var output = await ActiveSyncHost.CliAsync(server, "import", ics, vcf, "--user", ActiveSyncHost.Alice);
        Assert.Contains("1 calendar, 1 tasks, 1 contacts imported", output, StringComparison.Ordinal);

        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "IMPORT1", "Android", "14.1");
        await phone.SetupAsync();
        var yoga = GroupwarePhones.Data(Assert.Single(await phone.SyncAllAsync(phone.FolderOfType(8))));
        Assert.Equal(("Yoga", "Studio, 5th floor", "20260105T230000Z", "30"), (EasPhone.Child(yoga, "Subject"), EasPhone.Child(yoga, "Location"), EasPhone.Child(yoga, "StartTime"), EasPhone.Child(yoga, "Reminder")));
        var exceptions = yoga.Descendants().Where(e => e.Name.LocalName == "Exception").ToList();
        Assert.Contains(exceptions, x => EasPhone.Child(x, "Deleted") == "1" && EasPhone.Child(x, "ExceptionStartTime") == "20260112T230000Z");
        Assert.Contains(exceptions, x => EasPhone.Child(x, "ExceptionStartTime") == "20260119T230000Z" && EasPhone.Child(x, "StartTime") == "20260121T000000Z");
        var taxes = Assert.Single(await phone.SyncAllAsync(phone.FolderOfType(7)));
        Assert.Equal(("Taxes", "2"), (EasPhone.Child(taxes, "Subject"), EasPhone.Child(taxes, "Importance")));
        var dan = Assert.Single(await phone.SyncAllAsync(phone.FolderOfType(9)));
        Assert.Equal(("Dan", "Example SA", "Sales", "+1 555 0100", "Springfield"), (EasPhone.Child(dan, "FirstName"), EasPhone.Child(dan, "CompanyName"), EasPhone.Child(dan, "Department"), EasPhone.Child(dan, "MobilePhoneNumber"), EasPhone.Child(dan, "BusinessAddressCity")));

        // Exported and imported into another account, the items are the same for its phone.
        var exported = Path.Combine(directory, "out.ics");
        await ActiveSyncHost.CliAsync(server, "export", "--user", ActiveSyncHost.Alice, "--kind", "calendar", "--output", exported);
        var contacts = await ActiveSyncHost.CliAsync(server, "export", "--user", ActiveSyncHost.Alice, "--kind", "contacts");
        Assert.Contains("TZID:America/New_York", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);
        Assert.Contains("N:Example;Dan;;;", contacts, StringComparison.Ordinal);
        await ActiveSyncHost.CliAsync(server, "import", exported, "--user", ActiveSyncHost.Bob);
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "IMPORT2", "Android", "14.1");
        await bob.SetupAsync();
        var again = GroupwarePhones.Data(Assert.Single(await bob.SyncAllAsync(bob.FolderOfType(8))));
        Assert.Equal(GroupwarePhones.Leaves(yoga).Where(l => !l.StartsWith("DtStamp", StringComparison.Ordinal)).Order(),
            GroupwarePhones.Leaves(again).Where(l => !l.StartsWith("DtStamp", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task Import_OfAFileThatIsNeither_FailsWithAClearMessage()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var file = Path.Combine(TestPaths.NewTemporaryDirectory("import"), "notes.txt");
        await File.WriteAllTextAsync(file, "hello");

        var result = await server.RunCliAsync(["import", file, "--user", ActiveSyncHost.Alice]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("neither a vCard nor an iCalendar file", result.Error, StringComparison.Ordinal);
    }
}
