using System.Net;
using System.Xml.Linq;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.ActiveSync.Tests.Lookup.SearchMessages;

namespace Passerelle.ActiveSync.Tests.Lookup;

/// <summary>Search with the Mailbox store, over HTTP against the real host and its SQLite store.</summary>
public sealed class MailboxSearchTests
{
    [Fact]
    public async Task Search_FreeText_MatchesSubjectBodyAndSender_AsEmailItemsWithTheirServerIds()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob,
        [
            Message("Kiwi harvest", "nothing else"),
            Message("Weekly report", "we picked a kiwifruit today"),
            Message("Hello", "from the farm", from: "Kiwi Grower <grower@example.test>"),
            Message("Unrelated", "apples only"),
        ]);
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "SEARCH1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var synced = (await phone.SyncAllAsync(inbox)).Select(add => EasPhone.Child(add, "ServerId")).ToHashSet();

        var answer = await phone.Client.SendAsync("Search", Mailbox(
            $"<airsync:CollectionId>{inbox}</airsync:CollectionId><FreeText>kiwi</FreeText>",
            "<Range>0-9</Range><airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type></airsyncbase:BodyPreference>"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["1", "1"], answer.All("Status").Select(s => s.Value).ToList());
        var results = Results(answer);
        Assert.Equal(["Hello", "Kiwi harvest", "Weekly report"], results.Select(r => EasPhone.Child(r, "Subject")).Order().ToList());
        Assert.All(results, result =>
        {
            Assert.Equal("Email", EasPhone.Child(result, "Class"));
            Assert.Equal(inbox, EasPhone.Child(result, "CollectionId"));
            Assert.Contains(EasPhone.Child(result, "LongId"), synced);
            Assert.Equal("1", result.Descendants().Single(e => e.Name.LocalName == "Body").Elements().Single(e => e.Name.LocalName == "Type").Value);
        });
        Assert.Equal("we picked a kiwifruit today", results.Select(r => EasPhone.Child(r, "Data")).Single(d => d!.Contains("picked", StringComparison.Ordinal))!.Trim());
        Assert.Equal("0-2", answer.Value("Range"));
        Assert.Equal("3", answer.Value("Total"));
    }

    [Fact]
    public async Task Search_Range_PagesNewestFirst_AndTotalCountsEveryMatch()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob,
            Enumerable.Range(1, 12).Select(n => Message($"Invoice {n:D2}", "please pay", date: start.AddHours(n)))
                .Append(Message("Newsletter", "nothing to pay here? no: nothing", date: start)));
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "SEARCH2");
        await phone.SetupAsync();

        var pages = new List<EasAnswer>();
        foreach (var range in new[] { "0-4", "5-9", "10-14" })
        {
            pages.Add(await phone.Client.SendAsync("Search", Mailbox("<FreeText>invoice</FreeText>", $"<Range>{range}</Range>")));
        }

        Assert.Equal([5, 5, 2], pages.Select(p => Results(p).Count).ToList());
        Assert.Equal(["0-4", "5-9", "10-11"], pages.Select(p => p.Value("Range")).ToList());
        Assert.All(pages, p => Assert.Equal("12", p.Value("Total")));
        var subjects = pages.SelectMany(Results).Select(r => EasPhone.Child(r, "Subject")).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Reverse().Select(n => $"Invoice {n:D2}"), subjects);

        var beyond = await phone.Client.SendAsync("Search", Mailbox("<FreeText>invoice</FreeText>", "<Range>20-29</Range>"));
        Assert.Empty(Results(beyond));
        Assert.Equal("12", beyond.Value("Total"));
        Assert.Null(beyond.Value("Range"));
    }

    [Fact]
    public async Task Search_DeepTraversal_SearchesSubfolders_AndNoCollectionSearchesEveryFolder()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Message("Mango in the inbox", "x")]);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Message("Mango in projects", "x")], folder: "Projects");
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Message("Mango in 2026", "x")], folder: "Projects/2026");
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "SEARCH3");
        await phone.SetupAsync();
        var projects = phone.FolderNamed("Projects");
        var year = phone.FolderNamed("2026");

        var shallow = await phone.Client.SendAsync("Search", Mailbox($"<airsync:CollectionId>{projects}</airsync:CollectionId><FreeText>mango</FreeText>"));
        var deep = await phone.Client.SendAsync("Search", Mailbox($"<airsync:CollectionId>{projects}</airsync:CollectionId><FreeText>mango</FreeText>", "<Range>0-9</Range><DeepTraversal/>"));
        var everywhere = await phone.Client.SendAsync("Search", Mailbox("<FreeText>mango</FreeText>"));

        Assert.Equal(["Mango in projects"], Subjects(shallow));
        Assert.Equal(["Mango in 2026", "Mango in projects"], Subjects(deep).Order().ToList());
        Assert.Equal(new[] { projects, year }.Order(), Results(deep).Select(r => EasPhone.Child(r, "CollectionId")).Order());
        Assert.Equal(3, Results(everywhere).Count);
        Assert.Equal("3", everywhere.Value("Total"));
    }

    [Fact]
    public async Task Search_GreaterThanAndLessThanOnDateReceived_KeepOnlyThePeriod()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        var november = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob,
        [
            Message("Papaya early", "x", date: november),
            Message("Papaya middle", "x", date: november.AddDays(4)),
            Message("Papaya late", "x", date: november.AddDays(9)),
        ]);
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "SEARCH4");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("Search", Mailbox($"""
            <FreeText>papaya</FreeText>
            <GreaterThan><email:DateReceived/><Value>{Date(november.AddDays(2))}</Value></GreaterThan>
            <LessThan><email:DateReceived/><Value>{Date(november.AddDays(7))}</Value></LessThan>
            """));
        var after = await phone.Client.SendAsync("Search", Mailbox($"<FreeText>papaya</FreeText><GreaterThan><email:DateReceived/><Value>{Date(november.AddDays(4))}</Value></GreaterThan>"));

        Assert.Equal(["Papaya middle"], Subjects(answer));
        Assert.Equal(["Papaya late"], Subjects(after)); // strictly after: the message received at that instant is left out
    }

    [Theory]
    [InlineData("<airsync:CollectionId>{inbox}</airsync:CollectionId>", "<Range>0-9</Range>", "2")] // no FreeText
    [InlineData("<FreeText>x</FreeText><airsync:CollectionId>nope</airsync:CollectionId>", "<Range>0-9</Range>", "11")]
    [InlineData("<FreeText>x</FreeText>", "<Range>9-1</Range>", "2")]
    [InlineData("<FreeText>x</FreeText>", "<Range>a-b</Range>", "2")]
    [InlineData("<FreeText>x</FreeText><GreaterThan><email:DateReceived/><Value>yesterday</Value></GreaterThan>", "<Range>0-9</Range>", "2")]
    [InlineData("<FreeText>x</FreeText><GreaterThan><email:Subject/><Value>x</Value></GreaterThan>", "<Range>0-9</Range>", "2")]
    [InlineData("<FreeText>x</FreeText>", "<airsync:MIMESupport>two</airsync:MIMESupport>", "2")]
    [InlineData("<Or><FreeText>x</FreeText><FreeText>y</FreeText></Or>", "<Range>0-9</Range>", "8")]
    [InlineData("<FreeText>x</FreeText><ConversationId>AAAA</ConversationId>", "<Range>0-9</Range>", "8")]
    public async Task Search_BadMailboxQuery_GetsTheStoreStatus_NotAnHttpError(string terms, string options, string status)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "SEARCH5");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("Search", Mailbox(terms.Replace("{inbox}", phone.FolderOfType(2), StringComparison.Ordinal), options));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["1", status], answer.All("Status").Select(s => s.Value).ToList());
        Assert.Empty(Results(answer));
    }

    [Theory]
    [InlineData("""<Search xmlns="Search:"><Store><Name>DocumentLibrary</Name><Query>x</Query></Store></Search>""", "2")]
    [InlineData("""<Search xmlns="Search:"><Store><Name>Mailbox</Name></Store></Search>""", "2")]
    [InlineData("""<Search xmlns="Search:" xmlns:airsync="AirSync:"><Store><Name>Mailbox</Name><Query><And><airsync:Class>Calendar</airsync:Class><FreeText>x</FreeText></And></Query></Store></Search>""", "8")]
    public async Task Search_UnofferedStoreOrClass_GetsTheStoreStatus(string xml, string status)
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "SEARCH6");
        await phone.SetupAsync();

        var answer = await phone.Client.SendAsync("Search", xml);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["1", status], answer.All("Status").Select(s => s.Value).ToList());
    }

    internal static List<XElement> Results(EasAnswer answer) =>
        answer.All("Result").Where(r => r.HasElements).ToList();

    private static List<string?> Subjects(EasAnswer answer) => Results(answer).Select(r => EasPhone.Child(r, "Subject")).ToList();
}
