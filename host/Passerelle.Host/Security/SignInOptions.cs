namespace Passerelle.Host.Security;

/// <summary>Sign-in protection, bound from <c>Security:SignIn</c>.</summary>
internal sealed class SignInOptions
{
    /// <summary>Failures of one login from one address before that address is refused for that login.</summary>
    public int MaxFailuresPerLoginAndAddress { get; set; } = 5;

    /// <summary>Failures from one address, whatever the logins, before the address is refused.</summary>
    public int MaxFailuresPerAddress { get; set; } = 30;

    /// <summary>How long failures are remembered, and how long a refusal lasts.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The delay added to each failure of a login beyond the first two, doubling up to <see cref="MaxFailureDelay"/>.</summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay a failed sign-in is slowed by.</summary>
    public TimeSpan MaxFailureDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a successful check stays cached after its last use (phones send their password with every
    /// request). Longer than the longest Ping heartbeat, so that an idle phone's next Ping costs no password hash.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(30);
}
