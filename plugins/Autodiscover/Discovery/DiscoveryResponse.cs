namespace Passerelle.Autodiscover.Discovery;

/// <summary>What a server's Autodiscover answer says, as a phone reads it.</summary>
internal abstract record DiscoveryResponse
{
    /// <summary>The ActiveSync endpoint.</summary>
    public sealed record Settings(Uri Url, string? DisplayName, string? EmailAddress) : DiscoveryResponse;

    /// <summary>Start again with another address.</summary>
    public sealed record Redirect(string Address) : DiscoveryResponse;

    /// <summary>An Autodiscover error answer.</summary>
    public sealed record Error(string Code, string Message) : DiscoveryResponse;

    /// <summary>Not a usable Autodiscover answer.</summary>
    public sealed record Unusable(string Reason) : DiscoveryResponse;
}
