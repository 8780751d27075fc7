namespace Passerelle.GAL.Search;

/// <summary>A merged entry the query matches, before its sources are gathered: enough to count and order the results.</summary>
/// <param name="Key">The address the entry is merged under.</param>
/// <param name="SortKey">The folded name it is sorted by.</param>
internal readonly record struct GalCandidate(string Key, string SortKey)
{
    /// <summary>Results in alphabetical order of display name (folded), then by address.</summary>
    public static int Compare(GalCandidate a, GalCandidate b)
    {
        var byName = string.CompareOrdinal(a.SortKey, b.SortKey);
        return byName != 0 ? byName : string.CompareOrdinal(a.Key, b.Key);
    }
}
