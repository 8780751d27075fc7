using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Sqlite.Changes;

/// <summary>
/// One page of "changes since S", the same for mail and groupware. Each live item carries the sequence of its
/// last change and each tombstone the sequence of its removal; an item is either live or tombstoned in a
/// folder, never both. The page is the <c>max</c> lowest sequences above S, and its state the highest of
/// them, so the next page starts exactly where this one ends.
/// </summary>
internal static class ChangePage
{
    /// <summary>The sequence to read from, checking that the state is still valid for the folder.</summary>
    public static long StartOf(ChangeState? since, string storeId, long folderId, long folderModSeq, long purgedModSeq, int maxChanges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        if (since is not { } state)
        {
            return 0;
        }

        var sequence = ChangeToken.Parse(state, storeId, folderId);
        if (sequence < purgedModSeq)
        {
            throw new ChangeStateExpiredException($"The state {state.Value} is older than the removals this store keeps; sync the folder again from scratch.");
        }

        if (sequence > folderModSeq)
        {
            throw new ChangeStateExpiredException($"The state {state.Value} is newer than the folder (a restored database?); sync the folder again from scratch.");
        }

        return sequence;
    }

    /// <summary>Merges live items and tombstones (each read up to <paramref name="maxChanges"/> + 1, by sequence) into a page.</summary>
    public static FolderChanges<T> Build<T>(
        IReadOnlyList<(T Item, long ModSeq)> changed,
        IReadOnlyList<(string Id, long ModSeq)> removed,
        int maxChanges,
        string storeId,
        long folderId,
        long folderModSeq)
    {
        var merged = changed.Select(c => (c.ModSeq, Item: (T?)c.Item, Id: (string?)null))
            .Concat(removed.Select(r => (r.ModSeq, Item: default(T), Id: (string?)r.Id)))
            .OrderBy(entry => entry.ModSeq)
            .ToList();
        var more = merged.Count > maxChanges;
        var page = more ? merged.GetRange(0, maxChanges) : merged;
        var state = more ? page[^1].ModSeq : folderModSeq;
        return new FolderChanges<T>(
            page.Where(entry => entry.Id is null).Select(entry => entry.Item!).ToList(),
            page.Where(entry => entry.Id is not null).Select(entry => entry.Id!).ToList(),
            ChangeToken.Format(storeId, folderId, state),
            more);
    }
}
