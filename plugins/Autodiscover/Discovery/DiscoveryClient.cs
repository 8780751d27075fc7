namespace Passerelle.Autodiscover.Discovery;

/// <summary>
/// Finds the ActiveSync endpoint of an address the way phones do, stopping at the first answer with settings:
/// <list type="number">
/// <item><c>POST https://autodiscover.DOMAIN/autodiscover/autodiscover.xml</c></item>
/// <item><c>POST https://DOMAIN/autodiscover/autodiscover.xml</c></item>
/// <item><c>GET http://autodiscover.DOMAIN/autodiscover/autodiscover.xml</c>, then a POST to the https URL it redirects to</item>
/// <item>DNS SRV <c>_autodiscover._tcp.DOMAIN</c>, then a POST to each target</item>
/// <item>every MX host of the domain by preference: <c>POST https://MXHOST/autodiscover/autodiscover.xml</c></item>
/// </list>
/// An Autodiscover Redirect starts again with the new address's domain (at most <see cref="DiscoveryOptions.MaxRedirects"/> times).
/// </summary>
internal sealed class DiscoveryClient(DiscoveryOptions options, TimeProvider time)
{
    private const string Path = "/autodiscover/autodiscover.xml";

    /// <summary>Runs discovery.</summary>
    /// <param name="emailAddress">The address, also the login.</param>
    /// <param name="password">The password.</param>
    /// <param name="onAttempt">Told of each attempt as it ends.</param>
    /// <param name="cancellationToken">Cancels discovery.</param>
    /// <exception cref="ArgumentException">The address has no domain.</exception>
    public async Task<DiscoveryResult> DiscoverAsync(string emailAddress, string password, Action<DiscoveryAttempt>? onAttempt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(DomainOf(emailAddress), nameof(emailAddress));
        var log = new AttemptLog(onAttempt);
        var probe = new AutodiscoverProbe(options, new DnsLookup(options.DnsServer, options.AttemptTimeout), time, log, emailAddress, password);
        var address = emailAddress;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { address };
        for (var redirects = 0; ; redirects++)
        {
            switch (await DiscoverDomainAsync(probe, address, cancellationToken))
            {
                case PostOutcome.Found found:
                    return new DiscoveryResult(log.Attempts)
                    {
                        ActiveSyncUrl = found.Settings.Url,
                        EmailAddress = found.Settings.EmailAddress ?? address,
                        DisplayName = found.Settings.DisplayName,
                    };
                case PostOutcome.Redirected redirected when DomainOf(redirected.Address) is null:
                    return new DiscoveryResult(log.Attempts) { Failure = $"the server redirected to '{redirected.Address}', which is not an address" };
                case PostOutcome.Redirected redirected when !seen.Add(redirected.Address):
                    return new DiscoveryResult(log.Attempts) { Failure = $"redirect loop: {address} was sent back to {redirected.Address}" };
                case PostOutcome.Redirected when redirects >= options.MaxRedirects:
                    return new DiscoveryResult(log.Attempts) { Failure = $"gave up after {options.MaxRedirects} redirects" };
                case PostOutcome.Redirected redirected:
                    address = redirected.Address;
                    break;
                default:
                    return new DiscoveryResult(log.Attempts) { Failure = NotFound(address, log) };
            }
        }
    }

    private static async Task<PostOutcome> DiscoverDomainAsync(AutodiscoverProbe probe, string address, CancellationToken cancellationToken)
    {
        var domain = DomainOf(address)!;
        var tried = new HashSet<Uri>();
        async Task<PostOutcome> Post(Uri url) =>
            tried.Add(url) ? await probe.PostAsync(url, address, cancellationToken) : PostOutcome.Failure;

        foreach (var host in (string[])[$"autodiscover.{domain}", domain])
        {
            if (await Post(Https(host)) is not PostOutcome.Failed and var outcome)
            {
                return outcome;
            }
        }

        if (await probe.GetRedirectAsync(new Uri($"http://autodiscover.{domain}{Path}"), cancellationToken) is { } location
            && await Post(location) is not PostOutcome.Failed and var redirected)
        {
            return redirected;
        }

        foreach (var (host, port) in await probe.SrvAsync(domain, cancellationToken))
        {
            if (await Post(Https(host, port)) is not PostOutcome.Failed and var outcome)
            {
                return outcome;
            }
        }

        // Not in MS-OXDISCO: IceWarp's clients try each MX host last (IceWarp ActiveSync guide v12, "Découverte intelligente").
        foreach (var host in await probe.MxAsync(domain, cancellationToken))
        {
            if (await Post(Https(host)) is not PostOutcome.Failed and var outcome)
            {
                return outcome;
            }
        }

        return PostOutcome.Failure;
    }

    private static Uri Https(string host, int port = 443) => new UriBuilder(Uri.UriSchemeHttps, host, port, Path).Uri;

    private static string? DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 ? address[(at + 1)..].ToLowerInvariant() : null;
    }

    private static string NotFound(string address, AttemptLog log) =>
        log.RefusedCredentials.Count > 0
            ? $"no ActiveSync endpoint found for {address}; the password was refused by {string.Join(", ", log.RefusedCredentials.Distinct())}"
            : $"no ActiveSync endpoint found for {address}";
}
