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
    public string KeyOf(IndexedEntry entry) => KeyOf(entry.PrimaryAddress);

    public string KeyOf(string address) => directory?.FirstWithAddress(address)?.PrimaryAddress ?? address;

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
}
