using System.Net;
using System.Text;
using Passerelle.Autodiscover.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.Autodiscover.Tests.Infrastructure.AutodiscoverXml;

namespace Passerelle.Autodiscover.Tests.Endpoint;

/// <summary>Bad requests get an Autodiscover error or a 401, never a 500; credentials are never told apart.</summary>
public sealed class RequestErrorTests(EndpointServer fixture) : IClassFixture<EndpointServer>
{
    [Fact]
    public async Task Post_WithoutCredentials_Returns401WithABasicChallenge()
    {
        using var http = fixture.Server.CreateClient();

        using var response = await PostAsync(http, Request("alice@example.test"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Post_UnknownAccountAndWrongPassword_GetTheSameAnswer()
    {
        using var unknown = fixture.Server.CreateClient("nobody@example.test", TestAccounts.Password);
        using var wrong = fixture.Server.CreateClient("bob@example.test", "not the password");

        using var first = await PostAsync(unknown, Request("nobody@example.test"));
        using var second = await PostAsync(wrong, Request("bob@example.test"));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(first.Headers.WwwAuthenticate.ToString(), second.Headers.WwwAuthenticate.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006\"><Request>", "The request is not well-formed XML.")]
    [InlineData("{\"EMailAddress\":\"alice@example.test\"}", "The request is not well-formed XML.")]
    [InlineData("", "The request has no body.")]
    public async Task Post_NotXml_Returns600(string body, string debugData)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, body);

        Assert.Equal(debugData, await AssertErrorAsync(response, 600));
    }

    [Fact]
    public async Task Post_BinaryGarbage_Returns600()
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);

        using var response = await PostAsync(http, garbage);

        await AssertErrorAsync(response, 600);
    }

    [Fact]
    public async Task Post_ExternalEntity_IsRefusedAndTheFileIsNotRead()
    {
        var secret = Path.Combine(TestPaths.NewTemporaryDirectory("xxe"), "secret.txt");
        await File.WriteAllTextAsync(secret, "the-secret-content");
        var body = $"""
            <?xml version="1.0"?>
            <!DOCTYPE Autodiscover [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <Autodiscover xmlns="{MobileSyncRequest}"><Request><EMailAddress>&xxe;</EMailAddress>
            <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema></Request></Autodiscover>
            """;
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, body);

        Assert.Equal("A DTD is not accepted in a request.", await AssertErrorAsync(response, 600));
        Assert.DoesNotContain("the-secret-content", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EntityExpansionBomb_IsRefused()
    {
        var entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY a{i} \"&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};\">");
        }

        var body = $"<?xml version=\"1.0\"?><!DOCTYPE Autodiscover [{entities}]><Autodiscover xmlns=\"{MobileSyncRequest}\"><Request><EMailAddress>&a9;</EMailAddress></Request></Autodiscover>";
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, body);

        Assert.Equal("A DTD is not accepted in a request.", await AssertErrorAsync(response, 600));
    }

    [Fact]
    public async Task Post_UnknownAcceptableResponseSchema_Returns601()
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("alice@example.test", "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2099"));

        Assert.Equal("No provider answers in the schema http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2099.", await AssertErrorAsync(response, 601));
    }

    [Theory]
    [InlineData("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006")]
    [InlineData("urn:example:not-autodiscover")]
    [InlineData("")]
    public async Task Post_RootNotInARequestSchema_Returns600(string ns)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("alice@example.test", ns: ns));

        Assert.StartsWith("The root element", await AssertErrorAsync(response, 600), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TwoRequestElements_Returns600()
    {
        var body = $"<Autodiscover xmlns=\"{MobileSyncRequest}\"><Request><EMailAddress>alice@example.test</EMailAddress></Request><Request><EMailAddress>bob@example.test</EMailAddress></Request></Autodiscover>";
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, body);

        Assert.Equal("The request has 2 Request elements; it must have one.", await AssertErrorAsync(response, 600));
    }

    [Theory]
    [InlineData("<Request><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema></Request>", "The request has no EMailAddress.")]
    [InlineData("<Request><EMailAddress>alice@example.test</EMailAddress></Request>", "The request has no AcceptableResponseSchema.")]
    public async Task Post_MissingElement_Returns600(string request, string debugData)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, $"<Autodiscover xmlns=\"{MobileSyncRequest}\">{request}</Autodiscover>");

        Assert.Equal(debugData, await AssertErrorAsync(response, 600));
    }

    [Fact]
    public async Task Post_LargerThan64KiB_Returns600()
    {
        var body = Request("alice@example.test").Replace("<Request>", $"<!--{new string('x', 70_000)}--><Request>", StringComparison.Ordinal);
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, body);

        Assert.Equal("The request is too large.", await AssertErrorAsync(response, 600));
    }

    [Theory]
    [InlineData("/Autodiscover/Autodiscover.xml")]
    [InlineData("/AUTODISCOVER/AUTODISCOVER.XML")]
    public async Task Post_PathInAnotherCase_IsAnswered(string path)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, Request("alice@example.test"), path);

        Assert.Single((await ReadAsync(response)).Root!.Descendants(MobileSync + "Server"));
    }
}
