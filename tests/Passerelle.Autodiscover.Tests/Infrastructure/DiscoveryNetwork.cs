using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Autodiscover.Discovery;
using Passerelle.Testing;

namespace Passerelle.Autodiscover.Tests.Infrastructure;

/// <summary>
/// A small internet on loopback: dnsmasq serving the test domains, and two Passerelle hosts on HTTP and HTTPS
/// ports, "home" (names at 127.0.0.10) and "elsewhere" (127.0.0.20). <see cref="ConnectTo"/> maps those addresses'
/// ports 443 and 80 onto the hosts' real ports; 127.0.0.30:443 is a port nothing listens on.
/// </summary>
public sealed class DiscoveryNetwork : IAsyncLifetime
{
    public static readonly IPAddress HomeAddress = IPAddress.Parse("127.0.0.10");
    public static readonly IPAddress ElsewhereAddress = IPAddress.Parse("127.0.0.20");
    public static readonly IPAddress DeadAddress = IPAddress.Parse("127.0.0.30");
    public static readonly IPAddress SlowAddress = IPAddress.Parse("127.0.0.40");

    // Which step of the chain works for which domain: each domain's records leave exactly one route open.
    private static readonly string[] Zone =
    [
        "local=/test/",
        "host-record=autodiscover.first.test,127.0.0.10",   // step 1
        "host-record=mail.first.test,127.0.0.10",
        "host-record=apex.test,127.0.0.10",                  // step 2 (no autodiscover.apex.test)
        "host-record=autodiscover.plain.test,127.0.0.10",    // step 1 fails (certificate name), step 3 redirects
        "srv-host=_autodiscover._tcp.srv.test,mail.first.test,8443,0,0", // step 4, on another port
        "mx-host=mx.test,mx1.mx.test,10",                    // step 5: the first MX host refuses connections
        "mx-host=mx.test,mx2.mx.test,20",
        "mx-host=mx.test,mx3.mx.test,30",
        "host-record=mx1.mx.test,127.0.0.30",
        "host-record=mx2.mx.test,127.0.0.10",
        "host-record=mx3.mx.test,127.0.0.10",
        "host-record=autodiscover.moved.test,127.0.0.10",    // home redirects moved.test to elsewhere.test
        "host-record=autodiscover.elsewhere.test,127.0.0.20",
        "host-record=sync.elsewhere.test,127.0.0.20",
        "host-record=autodiscover.loop-a.test,127.0.0.10",   // loop-a.test and loop-b.test redirect to each other
        "host-record=autodiscover.loop-b.test,127.0.0.10",
        "host-record=autodiscover.slow.test,127.0.0.40",     // a test maps it to a server that never answers
    ];

    private static readonly string[] CertificateNames =
    [
        "mail.first.test", "autodiscover.first.test", "apex.test", "mx2.mx.test", "mx3.mx.test",
        "autodiscover.moved.test", "autodiscover.elsewhere.test", "sync.elsewhere.test",
        "autodiscover.loop-a.test", "autodiscover.loop-b.test",
    ];

    private readonly Socket _deadPort = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    internal Dnsmasq Dns { get; private set; } = null!;

    public PasserelleServer Home { get; private set; } = null!;

    public PasserelleServer Elsewhere { get; private set; } = null!;

    internal TestCertificates Certificates { get; private set; } = null!;

    public IReadOnlyDictionary<IPEndPoint, IPEndPoint> ConnectTo { get; private set; } = null!;

    /// <summary>Options for a client on this network that trusts the test root.</summary>
    internal DiscoveryOptions Options => new()
    {
        DnsServer = Dns.EndPoint,
        TrustedRoots = [Certificates.Root],
        ConnectTo = ConnectTo,
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public async Task InitializeAsync()
    {
        // Bound but not listening: connections are refused, and no other test can take the port.
        _deadPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Certificates = TestCertificates.Create(CertificateNames);
        var starting = Task.WhenAll(StartHomeAsync(), StartElsewhereAsync());
        Dns = await Dnsmasq.StartAsync(Zone, "mail.first.test");
        await starting;

        var (homeHttp, homeHttps) = Ports(Home);
        var (elsewhereHttp, elsewhereHttps) = Ports(Elsewhere);
        ConnectTo = new Dictionary<IPEndPoint, IPEndPoint>
        {
            [new(HomeAddress, 443)] = new(IPAddress.Loopback, homeHttps),
            [new(HomeAddress, 8443)] = new(IPAddress.Loopback, homeHttps),
            [new(HomeAddress, 80)] = new(IPAddress.Loopback, homeHttp),
            [new(ElsewhereAddress, 443)] = new(IPAddress.Loopback, elsewhereHttps),
            [new(ElsewhereAddress, 80)] = new(IPAddress.Loopback, elsewhereHttp),
            [new(DeadAddress, 443)] = (IPEndPoint)_deadPort.LocalEndPoint!,
        };
    }

    public async Task DisposeAsync()
    {
        await Dns.DisposeAsync();
        await Home.DisposeAsync();
        await Elsewhere.DisposeAsync();
        _deadPort.Dispose();
    }

    /// <summary>The <c>--connect-to</c> arguments for the CLI.</summary>
    public IEnumerable<string> ConnectToArguments() =>
        ConnectTo.SelectMany(pair => (string[])["--connect-to", $"{pair.Key}={pair.Value}"]);

    private async Task StartHomeAsync()
    {
        var configuration = TlsConfiguration();
        string[] domains = ["first.test", "apex.test", "plain.test", "srv.test", "mx.test", "moved.test"];
        for (var i = 0; i < domains.Length; i++)
        {
            TestAccounts.Add(configuration, i, $"alice@{domains[i]}", "Alice Martin");
        }

        TestAccounts.Add(configuration, domains.Length, "alice@loop-a.test", "Alice Martin", "alice@loop-b.test");

        // Wrong-password tests use accounts of their own: the host throttles repeated failures per login.
        TestAccounts.Add(configuration, domains.Length + 1, "bob@first.test", "Bob Durand");
        TestAccounts.Add(configuration, domains.Length + 2, "carol@first.test", "Carol Petit");
        configuration["Plugins:Autodiscover:ActiveSyncUrl"] = "https://mail.first.test/Microsoft-Server-ActiveSync";
        configuration["Plugins:Autodiscover:Redirects:moved.test:Domain"] = "elsewhere.test";
        configuration["Plugins:Autodiscover:Redirects:loop-a.test:Domain"] = "loop-b.test";
        configuration["Plugins:Autodiscover:Redirects:loop-b.test:Domain"] = "loop-a.test";
        Home = await StartAsync(configuration);
    }

    private async Task StartElsewhereAsync()
    {
        var configuration = TlsConfiguration();
        // The account moved here keeps its old address as an alias: it still signs in with it.
        TestAccounts.Add(configuration, 0, "alice@elsewhere.test", "Alice Martin", "alice@moved.test");
        configuration["Plugins:Autodiscover:ActiveSyncUrl"] = "https://sync.elsewhere.test/Microsoft-Server-ActiveSync";
        Elsewhere = await StartAsync(configuration);
    }

    private Dictionary<string, string?> TlsConfiguration() => new()
    {
        ["Tls:CertificatePath"] = Certificates.CertificatePath,
        ["Tls:KeyPath"] = Certificates.KeyPath,
    };

    private static Task<PasserelleServer> StartAsync(Dictionary<string, string?> configuration) =>
        PasserelleServer.StartAsync(configuration, pluginsDirectory: TestPlugins.Directory, urls: "http://127.0.0.1:0;https://127.0.0.1:0");

    private static (int Http, int Https) Ports(PasserelleServer server)
    {
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return (addresses.Single(a => a.Scheme == "http").Port, addresses.Single(a => a.Scheme == "https").Port);
    }
}

[CollectionDefinition(Name)]
public sealed class DiscoveryNetworkCollection : ICollectionFixture<DiscoveryNetwork>
{
    public const string Name = "discovery network";
}
