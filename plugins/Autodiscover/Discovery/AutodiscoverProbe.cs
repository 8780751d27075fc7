using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Passerelle.Autodiscover.Discovery;

/// <summary>The HTTP and DNS steps of discovery, each timed and recorded in the <see cref="AttemptLog"/>.</summary>
internal sealed class AutodiscoverProbe(DiscoveryOptions options, DnsLookup dns, TimeProvider time, AttemptLog log, string login, string password)
{
    private const int MaxResponseLength = 1024 * 1024;
    private static readonly ProductInfoHeaderValue UserAgent = new("Passerelle-Discover", "1.0");

    /// <summary>POSTs a mobilesync request, following HTTP redirects to https URLs only (MS-OXDISCO 3.1.5).</summary>
    public async Task<PostOutcome> PostAsync(Uri url, string emailAddress, CancellationToken cancellationToken)
    {
        for (var hops = 0; ; hops++)
        {
            var start = time.GetTimestamp();
            using var connection = new AttemptConnection(options, dns);
            using var client = new HttpClient(connection.Handler, disposeHandler: false) { Timeout = options.AttemptTimeout };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(MobileSyncExchange.Request(emailAddress)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login}:{password}")));
            request.Headers.UserAgent.Add(UserAgent);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (RedirectLocation(response, url) is { } location)
                {
                    if (location.Scheme != Uri.UriSchemeHttps || hops >= options.MaxRedirects)
                    {
                        Record("POST", url, start, $"HTTP {(int)response.StatusCode} to {location}: not followed ({(hops >= options.MaxRedirects ? "too many redirects" : "not https")})");
                        return PostOutcome.Failure;
                    }

                    Record("POST", url, start, $"HTTP {(int)response.StatusCode} to {location}");
                    url = location;
                    continue;
                }

                return await ReadAnswerAsync(url, response, start, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
            {
                Record("POST", url, start, connection.Describe(exception));
                return PostOutcome.Failure;
            }
        }
    }

    /// <summary>The unauthenticated GET on http://autodiscover.DOMAIN (MS-OXDISCO 3.1.5.4): the redirect it gives, if any.</summary>
    public async Task<Uri?> GetRedirectAsync(Uri url, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        using var connection = new AttemptConnection(options, dns);
        using var client = new HttpClient(connection.Handler, disposeHandler: false) { Timeout = options.AttemptTimeout };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.Add(UserAgent);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var location = RedirectLocation(response, url);
            if (location?.Scheme == Uri.UriSchemeHttps)
            {
                // The redirect came over plain HTTP: a phone asks the user before following it.
                Record("GET", url, start, $"HTTP {(int)response.StatusCode} to {location} (unauthenticated redirect: check that this server is yours)");
                return location;
            }

            Record("GET", url, start, location is null ? $"no redirect (HTTP {(int)response.StatusCode})" : $"HTTP {(int)response.StatusCode} to {location}: not followed (not https)");
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            Record("GET", url, start, connection.Describe(exception));
            return null;
        }
    }

    public async Task<IReadOnlyList<(string Host, int Port)>> SrvAsync(string domain, CancellationToken cancellationToken)
    {
        var name = $"_autodiscover._tcp.{domain}";
        var start = time.GetTimestamp();
        var (targets, failure) = await dns.SrvAsync(name, cancellationToken);
        Record("SRV", name, start, targets.Count > 0 ? string.Join(", ", targets.Select(t => $"{t.Host}:{t.Port}")) : failure ?? "no SRV record");
        return targets;
    }

    public async Task<IReadOnlyList<string>> MxAsync(string domain, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var (hosts, failure) = await dns.MxAsync(domain, cancellationToken);
        Record("MX", domain, start, hosts.Count > 0 ? string.Join(", ", hosts) : failure ?? "no MX record");
        return hosts;
    }

    private async Task<PostOutcome> ReadAnswerAsync(Uri url, HttpResponseMessage response, long start, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            log.RefusedCredentials.Add(url.Host);
            Record("POST", url, start, "credentials refused (HTTP 401)");
            return PostOutcome.Failure;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            // 456: the account is blocked (MS-ASHTTP 2.2.2.1.2.10).
            Record("POST", url, start, (int)response.StatusCode == 456 ? "account blocked (HTTP 456)" : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            return PostOutcome.Failure;
        }

        var body = await ReadLimitedAsync(response.Content, cancellationToken);
        switch (body is null ? new DiscoveryResponse.Unusable("answer larger than 1 MiB") : MobileSyncExchange.Read(body))
        {
            case DiscoveryResponse.Settings settings:
                Record("POST", url, start, $"found {settings.Url}", succeeded: true);
                return new PostOutcome.Found(settings);
            case DiscoveryResponse.Redirect redirect:
                Record("POST", url, start, $"redirect to the address {redirect.Address}");
                return new PostOutcome.Redirected(redirect.Address);
            case DiscoveryResponse.Error error:
                Record("POST", url, start, $"Autodiscover error {error.Code}: {error.Message}");
                return PostOutcome.Failure;
            case DiscoveryResponse.Unusable unusable:
                Record("POST", url, start, unusable.Reason);
                return PostOutcome.Failure;
            default:
                throw new InvalidOperationException("unknown answer");
        }
    }

    private static Uri? RedirectLocation(HttpResponseMessage response, Uri url) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(url, location)
            : null;

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxResponseLength)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private void Record(string method, Uri url, long start, string outcome, bool succeeded = false) =>
        log.Add(new DiscoveryAttempt(method, url.AbsoluteUri, outcome, time.GetElapsedTime(start), succeeded));

    private void Record(string method, string name, long start, string outcome) =>
        log.Add(new DiscoveryAttempt(method, name, outcome, time.GetElapsedTime(start)));
}
