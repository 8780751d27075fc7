using System.Xml.Linq;
using Passerelle.Autodiscover.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.Autodiscover.Tests.Infrastructure.AutodiscoverXml;

namespace Passerelle.Autodiscover.Tests.Endpoint;

/// <summary>The request shapes of real clients (Corpus/), posted unchanged over HTTP, and the answer each client reads.</summary>
public sealed class ClientRequestTests(EndpointServer fixture) : IClassFixture<EndpointServer>
{
    [Theory]
    [InlineData("ios")]
    [InlineData("android-aosp")]
    [InlineData("exrca")]
    public async Task MobileSyncRequest_FromRealClient_ReturnsTheActiveSyncUrl(string client)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, await File.ReadAllBytesAsync(Path.Combine("Corpus", client, "autodiscover.request.xml")));

        var answer = (await ReadAsync(response)).Root!.Element(MobileSync + "Response")!;
        var expected = new Uri(fixture.Server.BaseAddress, "/Microsoft-Server-ActiveSync").AbsoluteUri;
        Assert.Equal("en:us", answer.Element(MobileSync + "Culture")!.Value);
        Assert.Equal("Alice Martin", answer.Element(MobileSync + "User")!.Element(MobileSync + "DisplayName")!.Value);
        Assert.Equal("alice@example.test", answer.Element(MobileSync + "User")!.Element(MobileSync + "EMailAddress")!.Value);
        var server = Assert.Single(answer.Element(MobileSync + "Action")!.Element(MobileSync + "Settings")!.Elements(MobileSync + "Server"));
        Assert.Equal("MobileSync", server.Element(MobileSync + "Type")!.Value);
        Assert.Equal(expected, server.Element(MobileSync + "Url")!.Value);
        Assert.Equal(expected, server.Element(MobileSync + "Name")!.Value);
    }

    [Theory]
    [InlineData("outlook-desktop")]
    [InlineData("ews-managed-api")]
    public async Task OutlookRequest_FromRealClient_ListsTheConfiguredProtocols(string client)
    {
        using var http = fixture.Server.CreateClient("alice@example.test", TestAccounts.Password);

        using var response = await PostAsync(http, await File.ReadAllBytesAsync(Path.Combine("Corpus", client, "autodiscover.request.xml")));

        var answer = (await ReadAsync(response)).Root!.Element(Outlook + "Response")!;
        Assert.Equal("Alice Martin", answer.Element(Outlook + "User")!.Element(Outlook + "DisplayName")!.Value);
        Assert.Equal("alice@example.test", answer.Element(Outlook + "User")!.Element(Outlook + "AutoDiscoverSMTPAddress")!.Value);
        var account = answer.Element(Outlook + "Account")!;
        Assert.Equal("email", account.Element(Outlook + "AccountType")!.Value);
        Assert.Equal("settings", account.Element(Outlook + "Action")!.Value);
        Assert.Equal(
            [
                "IMAP imap.example.test 993 SSL=on Encryption=SSL alice@example.test",
                "SMTP smtp.example.test 587 SSL=on Encryption=TLS alice@example.test",
                "CalDAV https://dav.example.test/caldav/ - SSL=on Encryption=SSL alice@example.test",
                "CardDAV https://dav.example.test/carddav/ - SSL=on Encryption=SSL alice@example.test",
                "XMPP xmpp.example.test 5222 SSL=on Encryption=TLS alice",
            ],
            account.Elements(Outlook + "Protocol").Select(Describe));
    }

    internal static string Describe(XElement protocol)
    {
        string Value(string name) => protocol.Element(Outlook + name)?.Value ?? "-";
        return $"{Value("Type")} {Value("Server")} {Value("Port")} SSL={Value("SSL")} Encryption={Value("Encryption")} {Value("LoginName")}";
    }
}
