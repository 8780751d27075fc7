namespace Passerelle.Autodiscover.Endpoint;

/// <summary>A parsed Autodiscover request.</summary>
/// <param name="Schema">The answer asked for.</param>
/// <param name="EmailAddress">The address the client asks about, as sent.</param>
internal sealed record AutodiscoverRequest(ResponseSchema Schema, string EmailAddress);
