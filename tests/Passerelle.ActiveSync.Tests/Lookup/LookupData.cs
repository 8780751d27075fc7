using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Lookup;

/// <summary>
/// An address book of Bob's put in the GAL of example.test with <c>passerelle gal flag</c>: four partners whose
/// names start with "Car", some with photos and certificates; and a day of Alice's calendar.
/// </summary>
internal sealed class LookupData
{
    public static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    /// <summary>The GAL rereads the directory and its flags at every search, so a folder flagged is searchable at once.</summary>
    public static readonly Dictionary<string, string?> Configuration = new() { ["Plugins:GAL:RefreshInterval"] = "00:00:00" };

    public byte[] SmallPhoto { get; } = RandomNumberGenerator.GetBytes(300);

    public byte[] LargePhoto { get; } = RandomNumberGenerator.GetBytes(5000);

    public byte[] CarlaCertificate { get; } = Certificate("Carla", Now.AddDays(-1), Now.AddYears(1));

    public byte[] CarmenCertificate { get; } = Certificate("Carmen", Now.AddDays(-1), Now.AddYears(1));

    public byte[] ExpiredCertificate { get; } = Certificate("Carlos", Now.AddYears(-2), Now.AddYears(-1));

    public static async Task<LookupData> SeedAsync(PasserelleServer server)
    {
        var data = new LookupData();
        var store = server.Services.GetServices<IGroupwareStore>().Last();
        var team = await store.CreateFolderAsync(ActiveSyncHost.Bob, GroupwareKind.Contacts, null, "Partners", CancellationToken.None);
        await Add(store, team.Id, "Carla", "Jimenez", "carla@partner.test", data.SmallPhoto, [data.CarlaCertificate], "Buyer");
        await Add(store, team.Id, "Carlos", "Ruiz", "carlos@partner.test", data.SmallPhoto, [data.ExpiredCertificate], null);
        await Add(store, team.Id, "Carmen", "Diaz", "carmen@partner.test", data.LargePhoto, [data.CarmenCertificate], null);
        await Add(store, team.Id, "Caroline", "Blanc", "caroline@partner.test", null, [], null);
        await ActiveSyncHost.CliAsync(server, "gal", "flag", $"{ActiveSyncHost.Bob}/Partners");
        return data;
    }

    /// <summary>Alice's 1 December 2026: busy 9:00-10:00, tentative 10:00-10:15, out of office at 12:00 three days running.</summary>
    public static async Task SeedCalendarAsync(PasserelleServer server)
    {
        var store = server.Services.GetServices<IGroupwareStore>().Last();
        var calendar = (await store.GetFoldersAsync(ActiveSyncHost.Alice, CancellationToken.None)).First(f => f.Kind == GroupwareKind.Calendar && f.Role == GroupwareFolderRole.Default);
        var day = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await store.CreateItemAsync(ActiveSyncHost.Alice, calendar.Id, new CalendarEvent { Subject = "Review", Start = day.AddHours(9), End = day.AddHours(10), BusyStatus = BusyStatus.Busy }, CancellationToken.None);
        await store.CreateItemAsync(ActiveSyncHost.Alice, calendar.Id, new CalendarEvent { Subject = "Call", Start = day.AddHours(10), End = day.AddHours(10).AddMinutes(15), BusyStatus = BusyStatus.Tentative }, CancellationToken.None);
        await store.CreateItemAsync(ActiveSyncHost.Alice, calendar.Id, new CalendarEvent
        {
            Subject = "Gym",
            Start = day.AddDays(-1).AddHours(12),
            End = day.AddDays(-1).AddHours(12).AddMinutes(30),
            BusyStatus = BusyStatus.OutOfOffice,
            Recurrence = new Recurrence(RecurrenceFrequency.Daily) { Count = 3 },
        }, CancellationToken.None);
        await store.CreateItemAsync(ActiveSyncHost.Alice, calendar.Id, new CalendarEvent { Subject = "Free time", Start = day.AddHours(11), End = day.AddHours(12), BusyStatus = BusyStatus.Free }, CancellationToken.None);
    }

    private static Task Add(IGroupwareStore store, string folderId, string first, string last, string address, byte[]? photo, IReadOnlyList<byte[]> certificates, string? jobTitle) =>
        store.CreateItemAsync(ActiveSyncHost.Bob, folderId, new Contact
        {
            FirstName = first,
            LastName = last,
            Emails = [new ContactEmail(address)],
            Photo = photo,
            Certificates = certificates,
            JobTitle = jobTitle,
            CompanyName = "Partner Ltd",
        }, CancellationToken.None);

    private static byte[] Certificate(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return certificate.Export(X509ContentType.Cert);
    }
}
