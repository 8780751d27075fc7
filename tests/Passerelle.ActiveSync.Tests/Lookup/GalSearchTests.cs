using System.Net;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.ActiveSync.Tests.Lookup.SearchMessages;

namespace Passerelle.ActiveSync.Tests.Lookup;

/// <summary>Search with the GAL store, over HTTP, the GAL plugin aggregating the directory and a flagged address book.</summary>
public sealed class GalSearchTests
{
    [Fact]
    public async Task SearchGal_MatchesTheFlaggedBookAndTheDirectory_WithTheGalFields()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        await LookupData.SeedAsync(server);
        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GAL1");
        await phone.SetupAsync();

        var partners = await phone.Client.SendAsync("Search", Gal("car"));
        var colleague = await phone.Client.SendAsync("Search", Gal("bob"));

        Assert.Equal(["1", "1"], partners.All("Status").Select(s => s.Value).ToList());
        Assert.Equal(["Carla Jimenez", "Carlos Ruiz", "Carmen Diaz", "Caroline Blanc"], DisplayNames(partners));
        var carla = MailboxSearchTests.Results(partners)[0];
        Assert.Equal("carla@partner.test", EasPhone.Child(carla, "EmailAddress"));
        Assert.Equal("Carla", EasPhone.Child(carla, "FirstName"));
        Assert.Equal("Jimenez", EasPhone.Child(carla, "LastName"));
        Assert.Equal("Buyer", EasPhone.Child(carla, "Title"));
        Assert.Equal("Partner Ltd", EasPhone.Child(carla, "Company"));
        Assert.Null(EasPhone.Child(carla, "Picture")); // not asked for
        Assert.Equal("4", partners.Value("Total"));
        Assert.Equal(["Bob Example"], DisplayNames(colleague));
        Assert.Equal("bob", EasPhone.Child(MailboxSearchTests.Results(colleague)[0], "Alias"));
    }

    [Fact]
    public async Task SearchGal_Range_PagesAlphabetically_WithTotal()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        await LookupData.SeedAsync(server);
        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GAL2");
        await phone.SetupAsync();

        var first = await phone.Client.SendAsync("Search", Gal("car", "<Range>0-1</Range>"));
        var second = await phone.Client.SendAsync("Search", Gal("car", "<Range>2-3</Range>"));

        Assert.Equal(["Carla Jimenez", "Carlos Ruiz"], DisplayNames(first));
        Assert.Equal(["Carmen Diaz", "Caroline Blanc"], DisplayNames(second));
        Assert.Equal(("0-1", "2-3"), (first.Value("Range"), second.Value("Range")));
        Assert.Equal(("4", "4"), (first.Value("Total"), second.Value("Total")));
    }

    [Fact]
    public async Task SearchGal_Picture_GivesPhotosWithinTheLimits_AndTheStatusOfEachOther()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        var data = await LookupData.SeedAsync(server);
        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GAL3");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("Search", Gal("car", "<Range>0-9</Range><Picture><MaxSize>1000</MaxSize><MaxPictures>1</MaxPictures></Picture>"));
        var old = new EasClient(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GAL3OLD", version: "14.0");
        await old.ProvisionAsync();
        var withoutPictures = await old.SendAsync("Search", Gal("car", "<Range>0-9</Range><Picture><MaxSize>1000</MaxSize></Picture>"));

        var pictures = MailboxSearchTests.Results(answer).Select(r => r.Descendants().Single(e => e.Name.LocalName == "Picture")).ToList();
        Assert.Equal(["1", "175", "174", "173"], pictures.Select(p => EasPhone.Child(p, "Status")).ToList());
        Assert.Equal(Convert.ToBase64String(data.SmallPhoto), EasPhone.Child(pictures[0], "Data"));
        Assert.All(pictures.Skip(1), p => Assert.Null(EasPhone.Child(p, "Data")));
        Assert.Empty(withoutPictures.All("Picture")); // 14.0 has no GAL pictures
        old.Dispose();
    }

    [Fact]
    public async Task SearchGal_QueryShorterThanTheMinimum_FindsNothing_WithTotalZero()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        await LookupData.SeedAsync(server);
        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GAL4");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("Search", Gal("c"));

        Assert.Equal(["1", "1"], answer.All("Status").Select(s => s.Value).ToList());
        Assert.Empty(MailboxSearchTests.Results(answer));
        Assert.Equal("0", answer.Value("Total"));
    }

    [Fact]
    public async Task SearchGal_PluginDisabled_IsAnUnavailableStore_AndMailboxSearchStillWorks()
    {
        await using var server = await ActiveSyncHost.StartAsync(new Dictionary<string, string?> { ["Plugins:GAL:Enabled"] = "false" });
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Alice, [Message("Quince jam", "x")]);
        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "GAL5");
        await phone.SetupAsync();

        var gal = await phone.Client.SendAsync("Search", Gal("bob"));
        var mailbox = await phone.Client.SendAsync("Search", Mailbox("<FreeText>quince</FreeText>"));

        Assert.Equal(HttpStatusCode.OK, gal.Status);
        Assert.Equal(["1", "3"], gal.All("Status").Select(s => s.Value).ToList());
        Assert.Equal(["Quince jam"], MailboxSearchTests.Results(mailbox).Select(r => EasPhone.Child(r, "Subject")).ToList());
    }

    private static List<string?> DisplayNames(EasAnswer answer) =>
        MailboxSearchTests.Results(answer).Select(r => EasPhone.Child(r, "DisplayName")).ToList();
}
