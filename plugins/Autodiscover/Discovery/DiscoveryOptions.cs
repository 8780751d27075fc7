using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Passerelle.Autodiscover.Discovery;

/// <summary>How the discovery client reaches the network.</summary>
internal sealed record DiscoveryOptions
{
    /// <summary>The DNS server for every lookup (A, AAAA, SRV, MX); the system's resolver when null.</summary>
    public IPEndPoint? DnsServer { get; init; }

    /// <summary>Accept any TLS certificate (<c>--insecure</c>): self-signed test servers.</summary>
    public bool AcceptAnyCertificate { get; init; }

    /// <summary>Extra root certificates to trust, besides the system's (a private CA).</summary>
    public X509Certificate2Collection TrustedRoots { get; init; } = [];

    /// <summary>
    /// After a host name is resolved, a connection to an endpoint listed here goes to the other endpoint instead
    /// (<c>--connect-to</c>). URLs, Host headers and TLS names stay those of the real host: this lets servers on other
    /// ports stand in for 443 and 80, as the tests run them on loopback.
    /// </summary>
    public IReadOnlyDictionary<IPEndPoint, IPEndPoint> ConnectTo { get; init; } = new Dictionary<IPEndPoint, IPEndPoint>();

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How many redirects (HTTP or Autodiscover) are followed before giving up (MS-OXDISCO: 10).</summary>
    public int MaxRedirects { get; init; } = 10;
}
