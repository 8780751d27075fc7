namespace Passerelle.ActiveSync.Folders;

/// <summary>How a device's folder list must change to become the current one. Parents come before children.</summary>
internal sealed record HierarchyDiff(IReadOnlyList<HierarchyEntry> Added, IReadOnlyList<HierarchyEntry> Updated, IReadOnlyList<string> Deleted)
{
    public int Count => Added.Count + Updated.Count + Deleted.Count;

    public bool IsEmpty => Count == 0;

    public static HierarchyDiff Between(IReadOnlyList<HierarchyEntry> known, IReadOnlyList<HierarchyEntry> current)
    {
        var before = known.ToDictionary(f => f.ServerId);
        var now = current.ToDictionary(f => f.ServerId);
        var added = ParentsFirst(current.Where(f => !before.ContainsKey(f.ServerId)).ToList());
        var updated = current.Where(f => before.TryGetValue(f.ServerId, out var old) && old != f).ToList();
        var deleted = ParentsFirst(known.Where(f => !now.ContainsKey(f.ServerId)).ToList())
            .Select(f => f.ServerId)
            .Reverse() // children before their parents
            .ToList();
        return new HierarchyDiff(added, updated, deleted);
    }

    private static List<HierarchyEntry> ParentsFirst(List<HierarchyEntry> folders)
    {
        var ordered = new List<HierarchyEntry>(folders.Count);
        var pending = new HashSet<string>(folders.Select(f => f.ServerId));
        while (ordered.Count < folders.Count)
        {
            var progress = false;
            foreach (var folder in folders.Where(f => pending.Contains(f.ServerId) && !pending.Contains(f.ParentId)))
            {
                ordered.Add(folder);
                pending.Remove(folder.ServerId);
                progress = true;
            }

            if (!progress)
            {
                ordered.AddRange(folders.Where(f => pending.Contains(f.ServerId))); // a cycle cannot happen in a tree; keep every folder anyway
                break;
            }
        }

        return ordered;
    }
}
