using System.Net;
using Passerelle.Autodiscover.Cli;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Autodiscover.Tests.Cli;

public sealed class EndpointArgumentTests
{
    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("127.0.0.1", "127.0.0.1:53")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    public void ParseDnsServer_HostWithOrWithoutPort_GivesTheEndpoint(string value, string expected)
    {
        Assert.Equal(IPEndPoint.Parse(expected), EndpointArgument.ParseDnsServer(value));
    }

    [Theory]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:x")]
    public void ParseDnsServer_BadPort_FailsNamingTheOption(string value)
    {
        var exception = Assert.Throws<CliException>(() => EndpointArgument.ParseDnsServer(value));

        Assert.StartsWith($"--dns {value}: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseConnectTo_TwoEndpoints_GivesThePair()
    {
        var (from, to) = EndpointArgument.ParseConnectTo("192.0.2.10:443=127.0.0.1:8443");

        Assert.Equal((IPEndPoint.Parse("192.0.2.10:443"), IPEndPoint.Parse("127.0.0.1:8443")), (from, to));
    }
}
