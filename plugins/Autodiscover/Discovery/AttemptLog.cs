namespace Passerelle.Autodiscover.Discovery;

/// <summary>The attempts of one discovery, told to the caller as they happen.</summary>
internal sealed class AttemptLog(Action<DiscoveryAttempt>? onAttempt)
{
    private readonly List<DiscoveryAttempt> _attempts = [];

    public IReadOnlyList<DiscoveryAttempt> Attempts => _attempts;

    /// <summary>Hosts that answered 401 to the credentials.</summary>
    public List<string> RefusedCredentials { get; } = [];

    public void Add(DiscoveryAttempt attempt)
    {
        _attempts.Add(attempt);
        onAttempt?.Invoke(attempt);
    }
}
