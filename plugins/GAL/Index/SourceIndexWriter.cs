using System.Collections.Frozen;

namespace Passerelle.GAL.Index;

/// <summary>
/// Keeps a source's <see cref="SourceSnapshot"/> current as entries change, without rebuilding it: a change
/// re-indexes only the small delta segment and marks the base entry it replaces; once the delta outgrows a
/// sixteenth of the base, everything is folded into a new base. Used by one writer at a time.
/// </summary>
internal sealed class SourceIndexWriter
{
    private readonly Dictionary<string, IndexedEntry> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexedEntry> _delta = new(StringComparer.Ordinal);
    private readonly HashSet<long> _removed = [];
    private volatile SourceSnapshot _snapshot = SourceSnapshot.Empty;
    private Segment _base = Segment.Empty;
    private long _serial;
    private long _lastBaseSerial;

    public SourceSnapshot Snapshot => _snapshot;

    /// <summary>How many times the base was rebuilt, for tests.</summary>
    public int BaseBuilds { get; private set; }

    /// <summary>How many entries the delta segment holds, for tests.</summary>
    public int DeltaCount => _delta.Count;

    private int DeltaLimit => Math.Max(256, _base.Count / 16);

    public bool TryGet(string itemId, out IndexedEntry entry) => _live.TryGetValue(itemId, out entry!);

    /// <summary>Replaces every entry: what a source does when it lists everything again.</summary>
    public void Reset(IEnumerable<IndexedEntry> entries)
    {
        _live.Clear();
        foreach (var entry in entries)
        {
            entry.Serial = ++_serial;
            _live[entry.ItemId] = entry;
        }

        RebuildBase();
    }

    /// <summary>Applies changes: entries added or changed (by <see cref="IndexedEntry.ItemId"/>), and identifiers removed.</summary>
    public void Apply(IReadOnlyCollection<IndexedEntry> changed, IReadOnlyCollection<string> removed)
    {
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        foreach (var itemId in removed)
        {
            Drop(itemId);
        }

        foreach (var entry in changed)
        {
            Drop(entry.ItemId);
            entry.Serial = ++_serial;
            _live[entry.ItemId] = entry;
            _delta[entry.ItemId] = entry;
        }

        if (_delta.Count + _removed.Count > DeltaLimit)
        {
            RebuildBase();
        }
        else
        {
            IReadOnlySet<long> removedFromBase = _removed.Count == 0 ? FrozenSet<long>.Empty : new HashSet<long>(_removed);
            _snapshot = new SourceSnapshot(_base, Segment.Build(_delta.Values), removedFromBase);
        }
    }

    private void Drop(string itemId)
    {
        if (!_live.Remove(itemId, out var old))
        {
            return;
        }

        if (old.Serial <= _lastBaseSerial)
        {
            _removed.Add(old.Serial);
        }
        else
        {
            _delta.Remove(itemId);
        }
    }

    private void RebuildBase()
    {
        _base = Segment.Build(_live.Values);
        _lastBaseSerial = _serial;
        _delta.Clear();
        _removed.Clear();
        BaseBuilds++;
        _snapshot = new SourceSnapshot(_base, Segment.Empty, FrozenSet<long>.Empty);
    }
}
