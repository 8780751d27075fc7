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
    private readonly Dictionary<string, IndexedEntry> _byAddress;
    private readonly Dictionary<string, List<IndexedEntry>>? _moreByAddress;

    private Segment(IndexedEntry[] entries, string[] words, int[] starts, int[] postings, Dictionary<string, IndexedEntry> byAddress, Dictionary<string, List<IndexedEntry>>? moreByAddress)
    {
        _entries = entries;
        _words = words;
        _starts = starts;
        _postings = postings;
        _byAddress = byAddress;
        _moreByAddress = moreByAddress;
    }

    public int Count => _entries.Length;

    public IReadOnlyList<IndexedEntry> Entries => _entries;

    public static Segment Build(IEnumerable<IndexedEntry> source)
    {
        var entries = source.ToArray();

        // number the distinct words, counting each one's entries
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var counts = new List<int>();
        var occurrences = new int[entries.Sum(entry => entry.Words.Length)];
        var next = 0;
        foreach (var entry in entries)
        {
            foreach (var word in entry.Words)
            {
                if (!ids.TryGetValue(word, out var id))
                {
                    id = distinct.Count;
                    ids.Add(word, id);
                    distinct.Add(word);
                    counts.Add(0);
                }

                counts[id]++;
                occurrences[next++] = id;
            }
        }

        // sort the words, then lay each one's entries out after the previous word's, in entry order
        var words = distinct.ToArray();
        var order = new int[words.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(words, order, StringComparer.Ordinal);
        var position = new int[words.Length];
        var starts = new int[words.Length + 1];
        for (var i = 0; i < words.Length; i++)
        {
            position[order[i]] = starts[i];
            starts[i + 1] = starts[i] + counts[order[i]];
        }

        var postings = new int[occurrences.Length];
        next = 0;
        for (var slot = 0; slot < entries.Length; slot++)
        {
            for (var w = 0; w < entries[slot].Words.Length; w++)
            {
                postings[position[occurrences[next++]]++] = slot;
            }
        }

        var (byAddress, moreByAddress) = IndexAddresses(entries);
        return new Segment(entries, words, starts, postings, byAddress, moreByAddress);
    }

    // One entry per address, and a second table for the rare addresses several entries share.
    private static (Dictionary<string, IndexedEntry>, Dictionary<string, List<IndexedEntry>>?) IndexAddresses(IndexedEntry[] entries)
    {
        var byAddress = new Dictionary<string, IndexedEntry>(entries.Length, StringComparer.Ordinal);
        Dictionary<string, List<IndexedEntry>>? more = null;
        foreach (var entry in entries)
        {
            foreach (var address in entry.Addresses)
            {
                if (!byAddress.TryAdd(address, entry))
                {
                    more ??= new Dictionary<string, List<IndexedEntry>>(StringComparer.Ordinal);
                    if (!more.TryGetValue(address, out var list))
                    {
                        more[address] = list = [];
                    }

                    list.Add(entry);
                }
            }
        }

        return (byAddress, more);
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

    /// <summary>How many (entry, word) pairs have a word starting with <paramref name="prefix"/>: what looking it up would cost.</summary>
    public int CountPrefix(string prefix)
    {
        var first = LowerBound(prefix);
        return _starts[EndOfPrefix(prefix, first)] - _starts[first];
    }

    /// <summary>Adds the entries with this address (lower case) among theirs.</summary>
    public void CollectAddress(string address, IReadOnlySet<long> removed, List<IndexedEntry> into)
    {
        if (!_byAddress.TryGetValue(address, out var first))
        {
            return;
        }

        if (removed.Count == 0 || !removed.Contains(first.Serial))
        {
            into.Add(first);
        }

        if (_moreByAddress is not null && _moreByAddress.TryGetValue(address, out var more))
        {
            foreach (var entry in more)
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
        if (!_byAddress.TryGetValue(address, out var first))
        {
            return null;
        }

        if (removed.Count == 0 || !removed.Contains(first.Serial))
        {
            return first;
        }

        return _moreByAddress?.GetValueOrDefault(address)?.FirstOrDefault(entry => !removed.Contains(entry.Serial));
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
