using System.Net;
using Passerelle.Autodiscover.Tests.Infrastructure;

namespace Passerelle.Autodiscover.Tests.Endpoint;

/// <summary>The anonymous GET clients send to http://autodiscover.DOMAIN (MS-OXDISCO 3.1.5.4): a 302 to the HTTPS Autodiscover URL.</summary>
public sealed class HttpRedirectTests(EndpointServer fixture) : IClassFixture<EndpointServer>
{
    [Theory]
    [InlineData("autodiscover.example.test", "https://autodiscover.example.test/autodiscover/autodiscover.xml")]
    [InlineData("example.test", "https://example.test/autodiscover/autodiscover.xml")]
    [InlineData("autodiscover.other.test", "https://sync.other.test/autodiscover/autodiscover.xml")]
    public async Task Get_OnAServedDomain_RedirectsToItsHttpsAutodiscoverUrl(string host, string location)
    {
        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Host = host;

        using var response = await http.GetAsync("/autodiscover/autodiscover.xml");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(location), response.Headers.Location);
    }

    [Fact]
    public async Task Get_OnADomainNotServed_Returns404()
    {
        using var http = fixture.Server.CreateClient();
        http.DefaultRequestHeaders.Host = "autodiscover.unknown.test";

        using var response = await http.GetAsync("/autodiscover/autodiscover.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
