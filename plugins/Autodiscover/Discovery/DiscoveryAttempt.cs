namespace Passerelle.Autodiscover.Discovery;

/// <summary>One step of discovery: an HTTP request or a DNS lookup, and what came of it.</summary>
/// <param name="Method"><c>POST</c>, <c>GET</c>, <c>SRV</c> or <c>MX</c>.</param>
/// <param name="Target">The URL, or the DNS name looked up.</param>
/// <param name="Outcome">What happened, in words.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Succeeded">Whether it found the endpoint.</param>
internal sealed record DiscoveryAttempt(string Method, string Target, string Outcome, TimeSpan Elapsed, bool Succeeded = false);
