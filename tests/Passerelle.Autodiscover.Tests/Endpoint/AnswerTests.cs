using Passerelle.Autodiscover.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.Autodiscover.Tests.Infrastructure.AutodiscoverXml;

namespace Passerelle.Autodiscover.Tests.Endpoint;

/// <summary>What the endpoint answers for each kind of account and address: overrides, aliases, redirects.</summary>
public sealed class AnswerTests(EndpointServer fixture) : IClassFixture<EndpointServer>
{
    [Fact]
    public async Task MobileSync_DomainWithItsOwnUrl_ReturnsThatUrl()
    {
        var server = await MobileSyncServerAsync("dave@other.test", "dave@other.test");

        Assert.Equal("https://sync.other.test/Microsoft-Server-ActiveSync", server.Element(MobileSync + "Url")!.Value);
    }

    [Fact]
    public async Task Outlook_DomainWithItsOwnProtocols_ListsOnlyThose()
    {
        using var http = fixture.Server.CreateClient("dave@other.test", TestAccounts.Password);

        using var response = await PostAsync(http, OutlookRequestFor("dave@other.test"));

        var account = (await ReadAsync(response)).Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        Assert.Equal(["IMAP imap.other.test 143 SSL=on Encryption=TLS dave@other.test"], account.Elements(Outlook + "Protocol").Select(ClientRequestTests.Describe));
    }

    [Fact]
    public async Task MobileSync_BehindTlsProxy_ReturnsAnHttpsUrlOnTheHostTheClientUsed()
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);
        http.DefaultRequestHeaders.Host = "mail.example.test";
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var response = await PostAsync(http, Request("alice@example.test"));

        var server = (await ReadAsync(response)).Root!.Descendants(MobileSync + "Server").Single();
        Assert.Equal("https://mail.example.test/Microsoft-Server-ActiveSync", server.Element(MobileSync + "Url")!.Value);
    }

    [Fact]
    public async Task MobileSync_AliasOfTheAccount_AnswersForTheAlias()
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("Alice.Martin@example.test"));

        var user = (await ReadAsync(response)).Root!.Descendants(MobileSync + "User").Single();
        Assert.Equal("alice.martin@example.test", user.Element(MobileSync + "EMailAddress")!.Value);
    }

    [Fact]
    public async Task MobileSync_BareUserNameAsAndroidSends_AnswersForTheAccountsAddress()
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("alice"));

        var user = (await ReadAsync(response)).Root!.Descendants(MobileSync + "User").Single();
        Assert.Equal("alice@example.test", user.Element(MobileSync + "EMailAddress")!.Value);
    }

    [Theory]
    [InlineData("bob@example.test")]
    [InlineData("nobody@example.test")]
    public async Task Request_AboutAnAddressNotTheSignedInAccounts_Returns600WhetherOrNotItExists(string address)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request(address));

        Assert.Equal($"{address} is not an address of the signed-in account.", await AssertErrorAsync(response, 600));
    }

    [Fact]
    public async Task MobileSync_DomainHostedElsewhere_RedirectsToTheNewAddress()
    {
        using var http = fixture.Server.CreateClient("carol@moved.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("carol@moved.test"));

        var answer = (await ReadAsync(response)).Root!.Element(MobileSync + "Response")!;
        Assert.Equal("carol@new.test", answer.Element(MobileSync + "Action")!.Element(MobileSync + "Redirect")!.Value);
        Assert.Null(answer.Descendants(MobileSync + "Settings").FirstOrDefault());
    }

    [Fact]
    public async Task Outlook_DomainHostedElsewhere_RedirectsToTheNewAddress()
    {
        using var http = fixture.Server.CreateClient("carol@moved.test", TestAccounts.Password);

        using var response = await PostAsync(http, OutlookRequestFor("carol@moved.test"));

        var account = (await ReadAsync(response)).Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        Assert.Equal("redirectAddr", account.Element(Outlook + "Action")!.Value);
        Assert.Equal("carol@new.test", account.Element(Outlook + "RedirectAddr")!.Value);
    }

    [Fact]
    public async Task Outlook_AccountRedirectedWithAUrl_SendsOutlookToThatUrl()
    {
        using var http = fixture.Server.CreateClient("erin@hosted.test", TestAccounts.Password);

        using var response = await PostAsync(http, OutlookRequestFor("erin@hosted.test"));

        var account = (await ReadAsync(response)).Root!.Element(Outlook + "Response")!.Element(Outlook + "Account")!;
        Assert.Equal("redirectUrl", account.Element(Outlook + "Action")!.Value);
        Assert.Equal("https://autodiscover.cloud.test/autodiscover/autodiscover.xml", account.Element(Outlook + "RedirectUrl")!.Value);
    }

    [Fact]
    public async Task MobileSync_AccountRedirectedWithAUrl_GivesPhonesTheNewAddress()
    {
        using var http = fixture.Server.CreateClient("erin@hosted.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("erin@hosted.test"));

        Assert.Equal("erin@cloud.test", (await ReadAsync(response)).Root!.Descendants(MobileSync + "Redirect").Single().Value);
    }

    [Fact]
    public async Task Outlook_NoProtocolConfigured_Returns601()
    {
        var configuration = new Dictionary<string, string?>();
        TestAccounts.Add(configuration, 0, "alice@example.test", "Alice Martin");
        await using var server = await PasserelleServer.StartAsync(configuration, pluginsDirectory: TestPlugins.Directory);
        using var http = server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, OutlookRequestFor("alice@example.test"));

        await AssertErrorAsync(response, 601);
    }

    private async Task<System.Xml.Linq.XElement> MobileSyncServerAsync(string login, string address)
    {
        using var http = fixture.Server.CreateClient(login, TestAccounts.Password);
        using var response = await PostAsync(http, Request(address));
        return (await ReadAsync(response)).Root!.Descendants(MobileSync + "Server").Single();
    }
}
