using Passerelle.GAL.Index;

namespace Passerelle.GAL.Search;

/// <summary>One entry of the result before merging: its address and the entries of each source it merges.</summary>
internal sealed class GalMatch(string key, List<IndexedEntry> entries)
{
    public string Key { get; } = key;

    /// <summary>In merge order; never empty.</summary>
    public List<IndexedEntry> Entries { get; } = entries;

    public string SortKey { get; } = EntryMerger.Named(entries).SortKey;

    /// <summary>Results in alphabetical order of display name (folded), then by address.</summary>
    public static int Compare(GalMatch? a, GalMatch? b)
    {
        var byName = string.CompareOrdinal(a!.SortKey, b!.SortKey);
        return byName != 0 ? byName : string.CompareOrdinal(a.Key, b.Key);
    }
}
