namespace Passerelle.GAL;

/// <summary>The GAL plugin's settings, <c>Plugins:GAL:*</c>.</summary>
internal sealed class GalOptions
{
    /// <summary>
    /// The fewest letters and digits a search must have; a shorter one finds nothing (an empty result, not an
    /// error, so that the phone simply waits for more typing). 2 keeps two-letter names (Wu, Li, Ng) findable;
    /// iOS waits for the fourth character by itself.
    /// </summary>
    public int MinQueryLength { get; set; } = 2;

    /// <summary>
    /// How long the directory's accounts and groups, the list of flagged folders and each user's folder list
    /// are used before being read again. A search on a value older than this reads it again in the background;
    /// one on a value older than twice this waits for the new value. So a change made elsewhere (by the command
    /// line, another process) shows within twice this.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a folder in the GAL is checked for changes the change feed did not report.</summary>
    public TimeSpan FolderPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an index nobody searched is kept (a domain's directory, a user's own address books).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinQueryLength is < 1 or > 64)
        {
            errors.Add($"MinQueryLength must be between 1 and 64, not {MinQueryLength}");
        }

        if (RefreshInterval < TimeSpan.Zero || RefreshInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"RefreshInterval must be between 00:00:00 and 01:00:00, not {RefreshInterval}");
        }

        if (FolderPollInterval <= TimeSpan.Zero)
        {
            errors.Add($"FolderPollInterval must be positive, not {FolderPollInterval}");
        }

        if (IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add($"IdleTimeout must be positive, not {IdleTimeout}");
        }

        return errors;
    }
}
