namespace Passerelle.Autodiscover.Endpoint;

/// <summary>
/// Where the anonymous GET on <c>http://autodiscover.DOMAIN/autodiscover/autodiscover.xml</c> sends clients
/// (MS-OXDISCO 3.1.5.4): the HTTPS Autodiscover URL on the host of the domain's ActiveSync URL.
/// </summary>
internal sealed class AutodiscoverRedirectTarget(AutodiscoverOptions options, ServedDomains served)
{
    /// <returns>The URL, or null when the host name is not one of a served domain.</returns>
    public async Task<Uri?> FindAsync(string hostName, CancellationToken cancellationToken)
    {
        var host = hostName.ToLowerInvariant();
        var domain = host.StartsWith("autodiscover.", StringComparison.Ordinal) ? host["autodiscover.".Length..] : host;
        if (!await served.ContainsAsync(domain, cancellationToken))
        {
            return null;
        }

        options.Domains.TryGetValue(domain, out var overrides);
        var activeSync = overrides?.ActiveSyncUrl ?? options.ActiveSyncUrl;
        return activeSync is null
            ? new Uri($"https://{host}{AutodiscoverEndpoints.Path}")
            : new Uri(activeSync, AutodiscoverEndpoints.Path);
    }
}
