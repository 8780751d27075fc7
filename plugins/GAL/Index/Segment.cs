namespace Passerelle.GAL.Index;

/// <summary>
/// An immutable index over some entries: their distinct words sorted, each with the entries it belongs to, so a
/// prefix is a binary search and a contiguous range; and the entries by address. Built in one go, never changed.
/// </summary>
internal sealed class Segment
{
    public static readonly Segment Empty = Build([]);

    private readonly IndexedEntry[] _entries;
    private readonly string[] _words;
    private readonly int[] _starts;
    private readonly int[] _postings;
    private readonly Dictionary<string, IndexedEntry[]> _byAddress;

    private Segment(IndexedEntry[] entries, string[] words, int[] starts, int[] postings, Dictionary<string, IndexedEntry[]> byAddress)
    {
        _entries = entries;
        _words = words;
        _starts = starts;
        _postings = postings;
        _byAddress = byAddress;
    }

    public int Count => _entries.Length;

    public IReadOnlyList<IndexedEntry> Entries => _entries;

    public static Segment Build(IEnumerable<IndexedEntry> source)
    {
        var entries = source.ToArray();
        var postingsByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byAddress = new Dictionary<string, List<IndexedEntry>>(StringComparer.Ordinal);
        for (var slot = 0; slot < entries.Length; slot++)
        {
            foreach (var word in entries[slot].Words)
            {
                if (!postingsByWord.TryGetValue(word, out var slots))
                {
                    postingsByWord[word] = slots = new List<int>(1);
                }

                slots.Add(slot);
            }

            foreach (var address in entries[slot].Addresses)
            {
                if (!byAddress.TryGetValue(address, out var list))
                {
                    byAddress[address] = list = new List<IndexedEntry>(1);
                }

                list.Add(entries[slot]);
            }
        }

        var words = postingsByWord.Keys.ToArray();
        Array.Sort(words, StringComparer.Ordinal);
        var starts = new int[words.Length + 1];
        var postings = new int[postingsByWord.Values.Sum(slots => slots.Count)];
        var next = 0;
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] = next;
            foreach (var slot in postingsByWord[words[i]])
            {
                postings[next++] = slot;
            }
        }

        starts[words.Length] = next;
        return new Segment(entries, words, starts, postings, byAddress.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Adds the entries having a word that starts with <paramref name="prefix"/>; an entry with several such words is added once per word.</summary>
    public void CollectPrefix(string prefix, IReadOnlySet<long> removed, List<IndexedEntry> into)
    {
        var first = LowerBound(prefix);
        var end = EndOfPrefix(prefix, first);
        for (var p = _starts[first]; p < _starts[end]; p++)
        {
            var entry = _entries[_postings[p]];
            if (removed.Count == 0 || !removed.Contains(entry.Serial))
            {
                into.Add(entry);
            }
        }
    }

    /// <summary>Adds the entries with this address (lower case) among theirs.</summary>
    public void CollectAddress(string address, IReadOnlySet<long> removed, List<IndexedEntry> into)
    {
        if (_byAddress.TryGetValue(address, out var entries))
        {
            foreach (var entry in entries)
            {
                if (removed.Count == 0 || !removed.Contains(entry.Serial))
                {
                    into.Add(entry);
                }
            }
        }
    }

    public IndexedEntry? FirstWithAddress(string address, IReadOnlySet<long> removed)
    {
        if (_byAddress.TryGetValue(address, out var entries))
        {
            foreach (var entry in entries)
            {
                if (removed.Count == 0 || !removed.Contains(entry.Serial))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    // the first word not ordered before the prefix
    private int LowerBound(string prefix)
    {
        int low = 0, high = _words.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_words[middle], prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // the words starting with the prefix are contiguous from first: find where they end
    private int EndOfPrefix(string prefix, int first)
    {
        int low = first, high = _words.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_words[middle], 0, prefix, 0, prefix.Length) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
