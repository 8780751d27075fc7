using Microsoft.AspNetCore.Http;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>Where a request came to: the default for URLs the configuration does not give.</summary>
/// <param name="Scheme">http or https, as the client used it (X-Forwarded-Proto behind a proxy).</param>
/// <param name="Host">The Host header, with its port.</param>
internal sealed record RequestOrigin(string Scheme, string Host)
{
    public static RequestOrigin Of(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
        var scheme = forwarded is "https" or "http" ? forwarded : request.Scheme;
        return new RequestOrigin(scheme, request.Host.Value ?? "localhost");
    }

    public Uri ActiveSyncUrl => new($"{Scheme}://{Host}/Microsoft-Server-ActiveSync");
}
