namespace Passerelle.Autodiscover.Discovery;

/// <summary>What discovery found, and every attempt on the way.</summary>
internal sealed record DiscoveryResult(IReadOnlyList<DiscoveryAttempt> Attempts)
{
    /// <summary>The ActiveSync endpoint, when found.</summary>
    public Uri? ActiveSyncUrl { get; init; }

    /// <summary>The address the server answered for (after redirects: the new one).</summary>
    public string? EmailAddress { get; init; }

    /// <summary>The user's name, as the server gave it.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Why nothing was found.</summary>
    public string? Failure { get; init; }

    public bool Found => ActiveSyncUrl is not null;
}
