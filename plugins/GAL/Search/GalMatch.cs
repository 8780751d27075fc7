using Passerelle.GAL.Index;

namespace Passerelle.GAL.Search;

/// <summary>One entry of the result before merging: its address and the entries of each source it merges.</summary>
/// <param name="Key">The address the entry is merged under.</param>
/// <param name="Entries">In merge order; never empty.</param>
internal sealed record GalMatch(string Key, List<IndexedEntry> Entries);
