using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Lookup;

/// <summary>ResolveRecipients over HTTP: resolution, ambiguity, certificates, availability and pictures.</summary>
public sealed class ResolveRecipientsTests
{
    [Fact]
    public async Task Resolve_AddressAndUnknown_ResolveOrFindNothing()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        await LookupData.SeedAsync(server);
        using var phone = await PhoneAsync(server, "RR1");

        var answer = await ResolveAsync(phone, ["bob@example.test", "nobody@nowhere.test"], "");

        Assert.Equal("1", TopStatus(answer));
        var (bob, nobody) = (Responses(answer)[0], Responses(answer)[1]);
        Assert.Equal(("1", "1"), (Child(bob, "Status"), Child(bob, "RecipientCount")));
        Assert.Equal("Bob Example", Child(bob, "DisplayName"));
        Assert.Equal("bob@example.test", Child(bob, "EmailAddress"));
        Assert.Equal("1", Child(bob, "Type"));
        Assert.Equal(("nobody@nowhere.test", "4", "0"), (Child(nobody, "To"), Child(nobody, "Status"), Child(nobody, "RecipientCount")));
        Assert.DoesNotContain(nobody.Elements(), e => e.Name.LocalName == "Recipient");
    }

    [Fact]
    public async Task Resolve_AmbiguousName_ListsSuggestionsWithoutCertificates_AndCutsAtMaxAmbiguousRecipients()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        await LookupData.SeedAsync(server);
        using var phone = await PhoneAsync(server, "RR2");

        var all = await ResolveAsync(phone, ["Car"], "<CertificateRetrieval>2</CertificateRetrieval>");
        var cut = await ResolveAsync(phone, ["Car"], "<CertificateRetrieval>2</CertificateRetrieval><MaxAmbiguousRecipients>2</MaxAmbiguousRecipients>");

        var full = Responses(all).Single();
        Assert.Equal(("2", "4"), (Child(full, "Status"), Child(full, "RecipientCount")));
        Assert.Equal(4, Recipients(full).Count);
        Assert.Empty(all.All("Certificates"));
        var partial = Responses(cut).Single();
        Assert.Equal(("3", "4"), (Child(partial, "Status"), Child(partial, "RecipientCount")));
        Assert.Equal(["carla@partner.test", "carlos@partner.test"], Recipients(partial).Select(r => Child(r, "EmailAddress")).ToList());
    }

    [Fact]
    public async Task Resolve_Certificates_ValidOnesOnly_AndMaxCertificatesAcrossTheResponse()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        var data = await LookupData.SeedAsync(server);
        using var phone = await PhoneAsync(server, "RR3");

        var answer = await ResolveAsync(phone, ["carla@partner.test", "carlos@partner.test", "Carmen Diaz"], "<CertificateRetrieval>2</CertificateRetrieval>");
        var limited = await ResolveAsync(phone, ["carla@partner.test", "carmen@partner.test"], "<CertificateRetrieval>2</CertificateRetrieval><MaxCertificates>1</MaxCertificates>");
        var none = await ResolveAsync(phone, ["carla@partner.test"], "<CertificateRetrieval>1</CertificateRetrieval>");

        var certificates = answer.All("Certificates").ToList();
        Assert.Equal(["1", "7", "1"], certificates.Select(c => Child(c, "Status")).ToList());
        Assert.Equal(["1", "0", "1"], certificates.Select(c => Child(c, "CertificateCount")).ToList());
        Assert.Equal(Convert.ToBase64String(data.CarlaCertificate), Child(certificates[0], "Certificate"));
        Assert.Equal(Convert.ToBase64String(data.CarmenCertificate), Child(certificates[2], "Certificate"));
        Assert.Equal(["1", "8"], limited.All("Certificates").Select(c => Child(c, "Status")).ToList());
        Assert.Empty(none.All("Certificates"));
    }

    [Fact]
    public async Task Resolve_Availability_MergesTheCalendarInHalfHours()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        await LookupData.SeedAsync(server);
        await LookupData.SeedCalendarAsync(server);
        using var phone = await PhoneAsync(server, "RR4");

        var answer = await ResolveAsync(phone, ["alice@example.test", "carla@partner.test", "Car"],
            "<Availability><StartTime>2026-12-01T08:00:00.000Z</StartTime><EndTime>2026-12-01T13:00:00.000Z</EndTime></Availability>");

        var responses = Responses(answer);
        Assert.Equal("0022100030", Child(responses[0], "MergedFreeBusy"));
        Assert.Equal("1", Child(responses[0].Descendants().Single(e => e.Name.LocalName == "Availability"), "Status"));
        Assert.Equal("4444444444", Child(responses[1], "MergedFreeBusy")); // not an account here: no data
        Assert.DoesNotContain(responses[2].Descendants(), e => e.Name.LocalName == "Availability"); // ambiguous
    }

    [Fact]
    public async Task Resolve_Picture_GivesThePhotoWithinMaxSize()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        var data = await LookupData.SeedAsync(server);
        using var phone = await PhoneAsync(server, "RR5");

        var answer = await ResolveAsync(phone, ["carla@partner.test", "carmen@partner.test", "caroline@partner.test"], "<Picture><MaxSize>1000</MaxSize></Picture>");

        var pictures = answer.All("Picture").ToList();
        Assert.Equal(["1", "174", "173"], pictures.Select(p => Child(p, "Status")).ToList());
        Assert.Equal(Convert.ToBase64String(data.SmallPhoto), Child(pictures[0], "Data"));
    }

    [Theory]
    [InlineData("""<ResolveRecipients xmlns="ResolveRecipients:"></ResolveRecipients>""")]
    [InlineData("""<ResolveRecipients xmlns="ResolveRecipients:"><To>bob</To><Options><CertificateRetrieval>9</CertificateRetrieval></Options></ResolveRecipients>""")]
    [InlineData("""<ResolveRecipients xmlns="ResolveRecipients:"><To>bob</To><Options><Availability><StartTime>2026-12-02T00:00:00.000Z</StartTime><EndTime>2026-12-01T00:00:00.000Z</EndTime></Availability></Options></ResolveRecipients>""")]
    [InlineData("""<ResolveRecipients xmlns="ResolveRecipients:"><To>bob</To><Options><Availability><StartTime>soon</StartTime><EndTime>later</EndTime></Availability></Options></ResolveRecipients>""")]
    public async Task Resolve_InvalidRequest_IsStatus5(string xml)
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        using var phone = await PhoneAsync(server, "RR6");

        var answer = await phone.Client.SendAsync("ResolveRecipients", xml);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("5", TopStatus(answer));
        Assert.Empty(Responses(answer));
    }

    [Fact]
    public async Task Resolve_GalPluginDisabled_StillResolvesAccountsByAddress()
    {
        await using var server = await ActiveSyncHost.StartAsync(new Dictionary<string, string?> { ["Plugins:GAL:Enabled"] = "false" });
        using var phone = await PhoneAsync(server, "RR7");

        var answer = await ResolveAsync(phone, ["bob@example.test", "Bob"], "");

        Assert.Equal(["1", "4"], Responses(answer).Select(r => Child(r, "Status")).ToList());
        Assert.Equal("Bob Example", Child(Responses(answer)[0], "DisplayName"));
    }

    private static async Task<EasPhone> PhoneAsync(PasserelleServer server, string deviceId)
    {
        var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, deviceId);
        await phone.Client.ProvisionAsync();
        return phone;
    }

    private static Task<EasAnswer> ResolveAsync(EasPhone phone, IEnumerable<string> to, string options) =>
        phone.Client.SendAsync("ResolveRecipients", $"""
            <ResolveRecipients xmlns="ResolveRecipients:">
              {string.Concat(to.Select(t => $"<To>{t}</To>"))}
              {(options.Length > 0 ? $"<Options>{options}</Options>" : "")}
            </ResolveRecipients>
            """);

    private static string? TopStatus(EasAnswer answer) => answer.Xml.Root!.Elements().First(e => e.Name.LocalName == "Status").Value;

    private static List<System.Xml.Linq.XElement> Responses(EasAnswer answer) => answer.All("Response").ToList();

    private static List<System.Xml.Linq.XElement> Recipients(System.Xml.Linq.XElement response) => response.Elements().Where(e => e.Name.LocalName == "Recipient").ToList();

    private static string? Child(System.Xml.Linq.XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? EasPhone.Child(element, name);
}
