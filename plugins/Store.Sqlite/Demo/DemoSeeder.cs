using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Sqlite.Accounts;
using Passerelle.Store.Sqlite.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Demo;

/// <summary>
/// <c>passerelle serve --demo</c>: the domain example.test with alice and bob, their fixed passwords printed,
/// some mail, contacts, a recurring meeting, a task, a note with an attached file and a file. Done once: a
/// mark in <c>store_meta</c> says so, and later runs only print the accounts.
/// </summary>
internal sealed class DemoSeeder(IServiceProvider services, StoreDatabase database, AccountAdministration administration, TimeProvider time) : IDemoSeeder
{
    public const string Domain = "example.test";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";
    public const string AlicePassword = "alice-demo";
    public const string BobPassword = "bob-demo";
    private const string Mark = "demo_seeded";

    public async Task SeedAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (await database.ReadAsync(session => session.ScalarAsync<string>("SELECT value FROM store_meta WHERE key = $key", ("$key", Mark)), cancellationToken) is not null)
        {
            await output.WriteLineAsync($"Demo data was seeded before: {Alice} (password {AlicePassword}) and {Bob} (password {BobPassword}), unless changed since.");
            return;
        }

        await SeedAccountsAsync(cancellationToken);
        await SeedMailAsync(cancellationToken);
        if (services.GetService<IGroupwareStore>() is { } groupware)
        {
            await SeedGroupwareAsync(groupware, cancellationToken);
        }

        await database.WriteAsync(
            write => write.ExecuteAsync("INSERT INTO store_meta (key, value) VALUES ($key, $now)", ("$key", Mark), ("$now", write.Now.ToString("O"))),
            cancellationToken);
        await output.WriteLineAsync($"Demo data seeded in {Domain}:");
        await output.WriteLineAsync($"  {Alice}  password: {AlicePassword}");
        await output.WriteLineAsync($"  {Bob}    password: {BobPassword}");
        await output.WriteLineAsync("Change them before exposing this server: passerelle user passwd EMAIL --password PW");
    }

    private async Task SeedAccountsAsync(CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<Sdk.Accounts.IAccountDirectory>();
        if (!(await directory.ListDomainsAsync(cancellationToken)).Contains(Domain))
        {
            await administration.AddDomainAsync(Domain, cancellationToken);
        }

        foreach (var (address, password, name) in new[] { (Alice, AlicePassword, "Alice Liddell"), (Bob, BobPassword, "Bob Example") })
        {
            if (await directory.FindAccountAsync(address, cancellationToken) is null)
            {
                await administration.AddAccountAsync(address, password, name, isAdmin: address == Alice, cancellationToken);
            }
        }

        await administration.AddGroupAsync("team@example.test", "The Team", membersInGal: true, [Alice, Bob], cancellationToken);
    }

    private async Task SeedMailAsync(CancellationToken cancellationToken)
    {
        var submission = services.GetRequiredService<IMailSubmission>();
        await submission.SubmitAsync(Bob, Message(Bob, Alice, "Welcome to Passerelle", "Hi Alice,\n\nyour phone can sync this mailbox now.\n\nBob"), null, cancellationToken);
        await submission.SubmitAsync(Alice, Message(Alice, Bob, "Lunch on Friday?", "Bob, lunch on Friday at noon?\n\nAlice"), null, cancellationToken);
        await submission.SubmitAsync(Alice, Message(Alice, "team@example.test", "Team meeting notes", "Notes from today's meeting are in the shared calendar."), null, cancellationToken);

        var store = services.GetRequiredService<IMailStore>();
        var inbox = (await store.GetFoldersAsync(Alice, cancellationToken)).Single(f => f.Role == MailFolderRole.Inbox).Id;
        var newsletter = Encoding.UTF8.GetBytes(
            "From: Passerelle <news@passerelle.example>\r\nTo: alice@example.test\r\nSubject: Getting started (with an attachment)\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"demo\"\r\n\r\n"
            + "--demo\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPoint your phone at this server and sign in as alice@example.test.\r\n"
            + "--demo\r\nContent-Type: text/plain; name=\"checklist.txt\"\r\nContent-Disposition: attachment; filename=\"checklist.txt\"\r\n\r\n"
            + "1. Add an Exchange account.\r\n2. Use your address and password.\r\n3. Enjoy push mail.\r\n--demo--\r\n");
        await store.AppendAsync(Alice, inbox, new MemoryStream(newsletter), MessageFlags.None, null, cancellationToken);
    }

    private async Task SeedGroupwareAsync(IGroupwareStore groupware, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var folders = await groupware.GetFoldersAsync(Alice, cancellationToken);
        string Default(GroupwareKind kind) => folders.Single(f => f.Kind == kind && f.Role == GroupwareFolderRole.Default).Id;

        await groupware.CreateItemAsync(Alice, Default(GroupwareKind.Contacts), new Contact
        {
            FirstName = "Bob", LastName = "Example", CompanyName = "Example Ltd", JobTitle = "Engineer",
            Emails = [new ContactEmail(Bob)], Phones = [new ContactPhone("+1 555 0100", PhoneKind.Business)],
        }, cancellationToken);
        await groupware.CreateItemAsync(Alice, Default(GroupwareKind.Contacts), new Contact
        {
            FirstName = "Carol", LastName = "Outside", Emails = [new ContactEmail("carol@elsewhere.example", "home")],
            Phones = [new ContactPhone("+1 555 0199", PhoneKind.Mobile)], Birthday = new DateOnly(1990, 4, 12),
            Addresses = [new PostalAddress(AddressKind.Home) { Street = "1 Main Street", City = "Springfield", PostalCode = "12345", Country = "USA" }],
        }, cancellationToken);

        var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(10), TimeSpan.Zero);
        var calendar = Default(GroupwareKind.Calendar);
        await groupware.CreateItemAsync(Alice, calendar, new CalendarEvent
        {
            Subject = "Team meeting", Location = "Room 1", Body = "Weekly sync.", Start = start, End = start.AddHours(1), ReminderMinutes = 15,
            Organizer = new Attendee(Alice, "Alice Liddell"), Attendees = [new Attendee(Bob, "Bob Example")], MeetingStatus = MeetingStatus.Organizer,
            Recurrence = new Recurrence(RecurrenceFrequency.Weekly) { DaysOfWeek = [start.DayOfWeek], Count = 10 },
        }, cancellationToken);
        if (services.GetService<GroupwareSharing>() is { } sharing)
        {
            await sharing.ShareAsync(Alice, calendar, Bob, FolderAccess.ReadOnly, cancellationToken);
        }

        await groupware.CreateItemAsync(Alice, Default(GroupwareKind.Tasks), new TaskItem
        {
            Subject = "Try Passerelle on a phone", DueDate = now.AddDays(3), Importance = Importance.High,
        }, cancellationToken);

        var notes = Default(GroupwareKind.Notes);
        var note = await groupware.CreateItemAsync(Alice, notes, new Note { Subject = "Wi-Fi at the office", Body = "The network details are attached." }, cancellationToken);
        await groupware.AddAttachmentAsync(Alice, notes, note.Id, "network.txt", "text/plain", new MemoryStream("SSID: example-office\nPassword: ask Bob\n"u8.ToArray()), cancellationToken);

        var files = Default(GroupwareKind.Files);
        var file = await groupware.CreateItemAsync(Alice, files, new FileItem { Name = "Passerelle quick start.txt", ContentType = "text/plain" }, cancellationToken);
        await groupware.AddAttachmentAsync(Alice, files, file.Id, "Passerelle quick start.txt", "text/plain",
            new MemoryStream("Passerelle syncs mail, contacts, calendars, tasks and notes with your phone.\n"u8.ToArray()), cancellationToken);
    }

    private static MemoryStream Message(string from, string to, string subject, string body) =>
        new(Encoding.UTF8.GetBytes($"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body.ReplaceLineEndings("\r\n")}\r\n"));
}
