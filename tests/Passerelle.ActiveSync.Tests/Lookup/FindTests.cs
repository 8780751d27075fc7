using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.ActiveSync.Tests.Lookup.SearchMessages;

namespace Passerelle.ActiveSync.Tests.Lookup;

/// <summary>16.1 Find over HTTP, of the mailbox and of the GAL.</summary>
public sealed class FindTests
{
    private const string SearchId = "8d3a6f0e-2b7c-4f51-9a1e-0c2d4b6e8f10";

    [Fact]
    public async Task Find_Mailbox_AnswersTheFindProperties_WithPreviewAndTotal()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob,
        [
            Message("Fig season", "The figs are ripe, come and pick some this weekend."),
            Message("Other", "nothing"),
        ]);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.WithAttachment("Fig recipes", "figs.pdf", Convert.ToBase64String("%PDF-1.4 figs"u8.ToArray()))]);
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "FIND1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);

        var answer = await FindMailboxAsync(phone, $"<airsync:Class>Email</airsync:Class><airsync:CollectionId>{inbox}</airsync:CollectionId><FreeText>fig</FreeText>", "<Range>0-9</Range>");

        Assert.Equal(["1", "1"], answer.All("Status").Select(s => s.Value).ToList());
        Assert.Equal("Mailbox", answer.Value("Store"));
        var results = answer.All("Result").ToList();
        Assert.Equal(["Fig recipes", "Fig season"], results.Select(r => EasPhone.Child(r, "Subject")).Order().ToList());
        var season = results.Single(r => EasPhone.Child(r, "Subject") == "Fig season");
        Assert.StartsWith(inbox + ":", EasPhone.Child(season, "ServerId"), StringComparison.Ordinal);
        Assert.Equal(inbox, EasPhone.Child(season, "CollectionId"));
        Assert.Equal("The figs are ripe, come and pick some this weekend.", EasPhone.Child(season, "Preview")!.Trim());
        Assert.Equal("0", EasPhone.Child(season, "HasAttachments"));
        Assert.Equal("1", EasPhone.Child(results.Single(r => EasPhone.Child(r, "Subject") == "Fig recipes"), "HasAttachments"));
        Assert.Equal("Bob Example", EasPhone.Child(season, "DisplayTo"));
        Assert.Equal("0-1", answer.Value("Range"));
        Assert.Equal("2", answer.Value("Total"));
    }

    [Fact]
    public async Task Find_RangeNotFromZero_IsStatus4_AndUnknownCollection_IsStatus3()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "FIND2");
        await phone.SetupAsync();

        var offset = await FindMailboxAsync(phone, "<airsync:Class>Email</airsync:Class><FreeText>fig</FreeText>", "<Range>5-9</Range>");
        var unknown = await FindMailboxAsync(phone, "<airsync:Class>Email</airsync:Class><airsync:CollectionId>nope</airsync:CollectionId><FreeText>fig</FreeText>", "<Range>0-9</Range>");
        var malformed = await phone.Client.SendAsync("Find", """<Find xmlns="Find:"><ExecuteSearch/></Find>""");

        Assert.Equal(["1", "4"], offset.All("Status").Select(s => s.Value).ToList());
        Assert.Equal(["3"], unknown.All("Status").Select(s => s.Value).ToList());
        Assert.Equal(["2"], malformed.All("Status").Select(s => s.Value).ToList());
    }

    [Fact]
    public async Task Find_Gal_AnswersGalPropertiesWithPictures()
    {
        await using var server = await ActiveSyncHost.StartAsync(LookupData.Configuration);
        var data = await LookupData.SeedAsync(server);
        using var phone = new EasPhone(server, ActiveSyncHost.Alice, ActiveSyncHost.Password, "FIND3");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("Find", $"""
            <Find xmlns="Find:"><SearchId>{SearchId}</SearchId><ExecuteSearch><GalSearchCriterion>
              <Query>carl</Query><Options><Range>0-9</Range><Picture><MaxSize>1000</MaxSize></Picture></Options>
            </GalSearchCriterion></ExecuteSearch></Find>
            """);

        Assert.Equal("GAL", answer.Value("Store"));
        var results = answer.All("Result").ToList();
        Assert.Equal(["Carla Jimenez", "Carlos Ruiz"], results.Select(r => EasPhone.Child(r, "DisplayName")).ToList());
        Assert.Equal(Convert.ToBase64String(data.SmallPhoto), EasPhone.Child(results[0], "Data"));
        Assert.Equal("2", answer.Value("Total"));
    }

    [Fact]
    public async Task Options_ListsSearchResolveRecipientsAndFind()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var client = new EasClient(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "FIND4");

        using var response = await client.OptionsAsync();

        var commands = response.Headers.GetValues("MS-ASProtocolCommands").Single().Split(',');
        Assert.Contains("Search", commands);
        Assert.Contains("ResolveRecipients", commands);
        Assert.Contains("Find", commands);
        Assert.Contains("Settings", commands);
    }

    private static Task<EasAnswer> FindMailboxAsync(EasPhone phone, string query, string options) =>
        phone.Client.SendAsync("Find", $"""
            <Find xmlns="Find:" xmlns:airsync="AirSync:">
              <SearchId>{SearchId}</SearchId>
              <ExecuteSearch><MailBoxSearchCriterion><Query>{query}</Query><Options>{options}</Options></MailBoxSearchCriterion></ExecuteSearch>
            </Find>
            """);
}
