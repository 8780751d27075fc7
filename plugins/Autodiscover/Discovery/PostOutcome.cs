namespace Passerelle.Autodiscover.Discovery;

/// <summary>What one Autodiscover POST (with the HTTP redirects it led to) came to.</summary>
internal abstract record PostOutcome
{
    /// <summary>The server gave the ActiveSync endpoint.</summary>
    public sealed record Found(DiscoveryResponse.Settings Settings) : PostOutcome;

    /// <summary>The server sent the client to another address.</summary>
    public sealed record Redirected(string Address) : PostOutcome;

    /// <summary>No answer to use here; discovery goes on.</summary>
    public sealed record Failed : PostOutcome;

    public static Failed Failure { get; } = new();
}
