using System.Collections.Frozen;

namespace Passerelle.GAL.Index;

/// <summary>
/// A source's entries at one moment, immutable, searched without locks: a large base segment, a small segment
/// of entries changed since the base was built, and the base entries removed or replaced since.
/// </summary>
internal sealed class SourceSnapshot
{
    public static readonly SourceSnapshot Empty = new(Segment.Empty, Segment.Empty, FrozenSet<long>.Empty);

    private readonly Segment _base;
    private readonly Segment _delta;
    private readonly IReadOnlySet<long> _removed;

    public SourceSnapshot(Segment @base, Segment delta, IReadOnlySet<long> removed)
    {
        _base = @base;
        _delta = delta;
        _removed = removed;
    }

    public int Count => _base.Count - _removed.Count + _delta.Count;

    /// <summary>The live entries, in no particular order.</summary>
    public IEnumerable<IndexedEntry> Entries =>
        _base.Entries.Where(entry => !_removed.Contains(entry.Serial)).Concat(_delta.Entries);

    public void CollectPrefix(string prefix, List<IndexedEntry> into)
    {
        _base.CollectPrefix(prefix, _removed, into);
        _delta.CollectPrefix(prefix, FrozenSet<long>.Empty, into);
    }

    public int CountPrefix(string prefix) => _base.CountPrefix(prefix) + _delta.CountPrefix(prefix);

    public void CollectAddress(string address, List<IndexedEntry> into)
    {
        _base.CollectAddress(address, _removed, into);
        _delta.CollectAddress(address, FrozenSet<long>.Empty, into);
    }

    public IndexedEntry? FirstWithAddress(string address) =>
        _delta.FirstWithAddress(address, FrozenSet<long>.Empty) ?? _base.FirstWithAddress(address, _removed);
}
