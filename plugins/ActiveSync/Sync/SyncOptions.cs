namespace Passerelle.ActiveSync.Sync;

/// <summary>The Options of a collection: which items (FilterType) and in what form (bodies, MIME).</summary>
internal sealed record SyncOptions
{
    /// <summary>FilterType: 0 all, 1 one day, 2 three days, 3 one week, 4 two weeks, 5 one month, 6 three months, 7 six months, 8 incomplete tasks.</summary>
    public int FilterType { get; init; }

    public IReadOnlyList<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>MIMESupport: 0 never MIME, 1 for S/MIME only, 2 always.</summary>
    public int MimeSupport { get; init; }

    /// <summary>12.x MIMETruncation code (0 ... 8), or null.</summary>
    public int? MimeTruncation { get; init; }

    public bool RightsManagementSupport { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>The window a FilterType allows, back from now; null for everything.</summary>
    public TimeSpan? FilterWindow => FilterWindowOf(FilterType);

    public static TimeSpan? FilterWindowOf(int filterType) => filterType switch
    {
        1 => TimeSpan.FromDays(1),
        2 => TimeSpan.FromDays(3),
        3 => TimeSpan.FromDays(7),
        4 => TimeSpan.FromDays(14),
        5 => TimeSpan.FromDays(31),
        6 => TimeSpan.FromDays(92),
        7 => TimeSpan.FromDays(183),
        _ => null,
    };
}

/// <summary>airsyncbase:BodyPreference: a body type the client accepts, and how much of it.</summary>
/// <param name="Type">1 plain text, 2 HTML, 3 RTF, 4 MIME.</param>
internal sealed record BodyPreference(int Type)
{
    public long? TruncationSize { get; init; }

    /// <summary>Whether a body larger than the truncation size is sent not at all rather than cut.</summary>
    public bool AllOrNone { get; init; }

    /// <summary>14.0+: a plain-text preview of this many characters (up to 255).</summary>
    public int? Preview { get; init; }
}
