namespace Passerelle.Sdk.Discovery;

/// <summary>
/// Finds the ActiveSync endpoint of an address as a phone does (Autodiscover, redirects, SRV, MX). Offered
/// by the Autodiscover plugin; other plugins' commands (<c>passerelle check</c>) use it when no URL is given.
/// </summary>
public interface IEndpointDiscovery
{
    /// <summary>Discovers the endpoint, reporting each attempt as a line of text.</summary>
    /// <param name="emailAddress">The address, also the login.</param>
    /// <param name="password">The password Autodiscover asks for.</param>
    /// <param name="acceptAnyCertificate">Whether self-signed or mismatched TLS certificates are accepted.</param>
    /// <param name="progress">Receives one line per attempt.</param>
    /// <param name="cancellationToken">Cancels the discovery.</param>
    /// <returns>The endpoint, or why none was found.</returns>
    Task<EndpointDiscoveryResult> DiscoverAsync(string emailAddress, string password, bool acceptAnyCertificate, Action<string> progress, CancellationToken cancellationToken);
}

/// <summary>What a discovery found.</summary>
/// <param name="ActiveSyncUrl">The endpoint, or <see langword="null"/> when none was found.</param>
/// <param name="Failure">Why none was found, readable by an administrator.</param>
public sealed record EndpointDiscoveryResult(Uri? ActiveSyncUrl, string? Failure);
