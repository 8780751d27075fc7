using Passerelle.Sdk.Changes;

namespace Passerelle.Sdk.Tests;

/// <summary>
/// What a client keeps of a folder: items by id, and the state they stand for. It changes only by applying
/// "changes since" pages, exactly as a phone's copy does.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class FolderReplica<T>(string folderId, Func<T, string> idOf, Func<T, string> signatureOf)
{
    /// <summary>The folder.</summary>
    public string FolderId { get; } = folderId;

    /// <summary>The state the replica stands for, or <see langword="null"/> before the first page.</summary>
    public ChangeState? State { get; private set; }

    /// <summary>Each item's id and signature.</summary>
    public Dictionary<string, string> Items { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Starts from a known copy of the folder at a state.</summary>
    public static FolderReplica<T> At(string folderId, ChangeState state, IReadOnlyDictionary<string, string> items, Func<T, string> idOf, Func<T, string> signatureOf) =>
        new(folderId, idOf, signatureOf) { State = state, Items = new Dictionary<string, string>(items, StringComparer.Ordinal) };

    /// <summary>Applies one page; returns whether more follow.</summary>
    public bool Apply(FolderChanges<T> changes)
    {
        Assert.Empty(changes.Changed.Select(idOf).Intersect(changes.Removed, StringComparer.Ordinal));
        foreach (var item in changes.Changed)
        {
            Items[idOf(item)] = signatureOf(item);
        }

        foreach (var id in changes.Removed)
        {
            Items.Remove(id);
        }

        State = changes.State;
        return changes.MoreAvailable;
    }

    /// <summary>Applies pages until none is left.</summary>
    public async Task CatchUpAsync(Func<ChangeState?, int, Task<FolderChanges<T>>> getChanges, int pageSize)
    {
        for (var pages = 0; Apply(await getChanges(State, pageSize)); pages++)
        {
            Assert.True(pages < 100_000, "the store keeps answering MoreAvailable");
        }
    }
}
