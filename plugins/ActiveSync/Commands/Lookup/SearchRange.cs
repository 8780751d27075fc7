using System.Globalization;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// A Range of Search or Find (MS-ASCMD 2.2.3.143): <c>m-n</c>, zero-based, both ends included. The server
/// returns at most <see cref="MaxItems"/> results at a time, as Exchange does.
/// </summary>
internal readonly record struct SearchRange(int Start, int End)
{
    public const int MaxItems = 100;

    public static SearchRange Default => new(0, MaxItems - 1);

    public int Count => End - Start + 1;

    /// <summary>Parses a Range; null when it is absent, and false when it is not <c>m-n</c> with m ≤ n.</summary>
    public static bool TryParse(string? text, out SearchRange range)
    {
        range = Default;
        if (text is null)
        {
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end < start)
        {
            return false;
        }

        range = new SearchRange(start, Math.Min(end, start + MaxItems - 1));
        return true;
    }

    /// <summary>The range of the results returned, for the response's Range element.</summary>
    public static string Format(int start, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{start}-{start + count - 1}");
}
