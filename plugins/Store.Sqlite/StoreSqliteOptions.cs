namespace Passerelle.Store.Sqlite;

/// <summary>The embedded store's settings, bound from <c>Plugins:Store.Sqlite</c>.</summary>
internal sealed class StoreSqliteOptions
{
    /// <summary>The least PBKDF2 iteration count accepted (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).</summary>
    public const int MinimumPasswordIterations = 600_000;

    /// <summary>PBKDF2-SHA256 iterations for new password hashes; older hashes are upgraded at the next sign-in.</summary>
    public int PasswordIterations { get; set; } = MinimumPasswordIterations;

    /// <summary>The largest message <c>IMailSubmission</c> accepts, in bytes.</summary>
    public long MaxMessageSize { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long the record of a removed message or item is kept; older change states then expire.</summary>
    public TimeSpan TombstoneRetention { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How often the change feed looks for changes committed by another process (the CLI).</summary>
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a write waits for another process's write to finish before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a setting is out of range, naming the fix.</summary>
    public void Validate()
    {
        if (PasswordIterations < MinimumPasswordIterations)
        {
            throw new InvalidOperationException(
                $"Plugins:Store.Sqlite:PasswordIterations is {PasswordIterations}; it must be at least {MinimumPasswordIterations}.");
        }

        if (MaxMessageSize <= 0 || TombstoneRetention <= TimeSpan.Zero || ChangePollInterval <= TimeSpan.Zero || BusyTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "Plugins:Store.Sqlite: MaxMessageSize, TombstoneRetention, ChangePollInterval and BusyTimeout must be positive.");
        }
    }
}
