using System.Text.Json;
using Passerelle.Sdk.Groupware;

namespace Passerelle.Sdk.Tests;

/// <summary>Groupware items with every field set, and a way to compare them field by field.</summary>
public static class GroupwareSamples
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Contact FullContact() => new()
    {
        FileAs = "Liddell, Alice", Title = "Dr.", FirstName = "Alice", MiddleName = "Pleasance", LastName = "Liddell", Suffix = "Jr.",
        NickName = "Ally", YomiFirstName = "アリス", YomiLastName = "リデル", CompanyName = "Wonderland Ltd", YomiCompanyName = "ワンダーランド",
        Department = "Rabbit holes", JobTitle = "Explorer", OfficeLocation = "Under the hill", ManagerName = "Queen of Hearts",
        AssistantName = "White Rabbit", Spouse = "Reginald", Children = ["Alan", "Leopold"], Birthday = new DateOnly(1852, 5, 4),
        Anniversary = new DateOnly(1880, 9, 15),
        Emails = [new ContactEmail("alice@wonderland.example", "work"), new ContactEmail("ally@home.example")],
        Phones = [new ContactPhone("+44 1865 000000", PhoneKind.Business), new ContactPhone("+44 7700 900000", PhoneKind.Mobile)],
        Addresses = [new PostalAddress(AddressKind.Home) { Street = "Christ Church\nSt Aldates", City = "Oxford", PostalCode = "OX1 1DP", Country = "UK" }],
        ImAddresses = ["xmpp:alice@wonderland.example"], WebPage = "https://wonderland.example/alice", Notes = "Curiouser and curiouser.",
        Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], AccountName = "alice", CustomerId = "C-1", GovernmentId = "G-2", Alias = "al",
        Certificates = [[0x30, 0x82, 0x01]], Categories = ["Friends", "Books"],
        Extra = new Dictionary<string, string> { ["X-CLIENT-FIELD"] = "kept", ["vcard:ROLE"] = "heroine" },
    };

    public static CalendarEvent FullEvent() => new()
    {
        Subject = "Tea party", Location = "March Hare's house", Body = "Bring a watch.",
        Start = new DateTimeOffset(2025, 7, 4, 16, 0, 0, TimeSpan.FromHours(1)), End = new DateTimeOffset(2025, 7, 4, 18, 0, 0, TimeSpan.FromHours(1)),
        TimeZoneId = "Europe/London", BusyStatus = BusyStatus.Tentative, Sensitivity = Sensitivity.Private, ReminderMinutes = 15,
        Organizer = new Attendee("hatter@wonderland.example", "Hatter") { Status = AttendeeStatus.Accepted },
        Attendees = [new Attendee("alice@wonderland.example", "Alice") { Type = AttendeeType.Optional, Status = AttendeeStatus.Tentative }],
        MeetingStatus = MeetingStatus.Attendee, ResponseStatus = AttendeeStatus.Tentative, ResponseRequested = false, DisallowNewTimeProposal = true,
        Sequence = 3,
        Recurrence = new Recurrence(RecurrenceFrequency.Monthly) { Interval = 2, Count = 10, DaysOfWeek = [DayOfWeek.Friday], WeekOfMonth = 1, FirstDayOfWeek = DayOfWeek.Sunday },
        Exceptions =
        [
            new EventException(new DateTimeOffset(2025, 9, 5, 16, 0, 0, TimeSpan.FromHours(1))) { IsDeleted = true },
            new EventException(new DateTimeOffset(2025, 11, 7, 16, 0, 0, TimeSpan.Zero)) { Start = new DateTimeOffset(2025, 11, 8, 16, 0, 0, TimeSpan.Zero), Subject = "Late tea", Attendees = [] },
        ],
        Uid = "tea-party@wonderland.example", Categories = ["Parties"], Extra = new Dictionary<string, string> { ["X-MOZ-GENERATION"] = "4" },
    };

    public static TaskItem FullTask() => new()
    {
        Subject = "Paint the roses red", Body = "All of them.", StartDate = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
        DueDate = new DateTimeOffset(2025, 6, 2, 17, 0, 0, TimeSpan.Zero), State = TaskState.InProgress, PercentComplete = 40,
        Importance = Importance.High, Sensitivity = Sensitivity.Confidential, ReminderTime = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero),
        Recurrence = new Recurrence(RecurrenceFrequency.Weekly) { DaysOfWeek = [DayOfWeek.Monday, DayOfWeek.Thursday], Regenerate = true, Until = new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero) },
        Participants = [new Attendee("gardener@wonderland.example", "Two of Spades")],
    };

    public static Note FullNote() => new() { Subject = "Riddle", Body = "Why is a raven like a writing desk?", HtmlBody = "<p>Why is a <b>raven</b> like a writing desk?</p>", Categories = ["Ideas"] };

    public static FileItem File(string name) => new() { Name = name, ContentType = "text/plain" };

    /// <summary>The item as JSON without what the store sets (id, folder, time, uid, attachments), to compare contents.</summary>
    public static string Contents(GroupwareItem item) =>
        JsonSerializer.Serialize(item with { Id = "", FolderId = "", LastModified = default, Uid = null, Attachments = [] }, Json);
}
