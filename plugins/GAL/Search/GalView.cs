using Passerelle.GAL.Index;

namespace Passerelle.GAL.Search;

/// <summary>
/// The GAL as one account sees it: the snapshots of its sources in merge order, the directory first. Entries of
/// several sources with the same address are one entry; an address that is an account's alias counts as that
/// account's primary address, so a contact filed under an alias merges with the account.
/// </summary>
internal sealed class GalView(SourceSnapshot? directory, IReadOnlyList<SourceSnapshot> sources)
{
    public IReadOnlyList<SourceSnapshot> Sources => sources;

    /// <summary>The address an entry is merged under: its primary address, or the account's whose alias it is.</summary>
    public string KeyOf(IndexedEntry entry) => DirectoryEntryOf(entry)?.PrimaryAddress ?? entry.PrimaryAddress;

    public string KeyOf(string address) => directory?.FirstWithAddress(address)?.PrimaryAddress ?? address;

    /// <summary>
    /// What the merged entry is sorted by: the name of the first source, in merge order, whose name is more than the
    /// address. The directory comes first, so when its entry has a name, nothing else needs to be looked at.
    /// </summary>
    public string SortKeyOf(string key, IndexedEntry hit, ref List<IndexedEntry>? merged)
    {
        if (DirectoryEntryOf(hit) is { HasOwnName: true } head)
        {
            return head.SortKey;
        }

        merged ??= Gather(key);
        return EntryMerger.Named(merged).SortKey;
    }

    /// <summary>Whether another entry than <paramref name="hit"/> merges under <paramref name="key"/>: most entries are alone, and then need no gathering.</summary>
    public bool HasOthers(string key, IndexedEntry hit)
    {
        IReadOnlyList<string> addresses = directory?.FirstWithAddress(key)?.Addresses ?? [key];
        foreach (var source in sources)
        {
            foreach (var address in addresses)
            {
                if (source.FirstWithAddress(address) is { } other && !ReferenceEquals(other, hit))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every source's entries merged under <paramref name="key"/>, in merge order.</summary>
    public List<IndexedEntry> Gather(string key)
    {
        IReadOnlyList<string> addresses = directory?.FirstWithAddress(key)?.Addresses ?? [key];
        var gathered = new List<IndexedEntry>();
        var found = new List<IndexedEntry>();
        foreach (var source in sources)
        {
            found.Clear();
            foreach (var address in addresses)
            {
                source.CollectAddress(address, found);
            }

            // several entries of one source under one address: a stable order, whatever the index's layout
            found.Sort((a, b) => string.CompareOrdinal(a.ItemId, b.ItemId));
            foreach (var entry in found)
            {
                if (!gathered.Contains(entry) && KeyOf(entry) == key)
                {
                    gathered.Add(entry);
                }
            }
        }

        return gathered;
    }

    /// <summary>The directory entry an entry merges under, if any: itself for the directory's own.</summary>
    public IndexedEntry? DirectoryEntryOf(IndexedEntry entry) =>
        entry.IsDirectoryEntry ? entry : directory is null ? null : entry.DirectoryEntryIn(directory);
}
