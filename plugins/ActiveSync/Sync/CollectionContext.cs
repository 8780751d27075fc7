using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Folders;

namespace Passerelle.ActiveSync.Sync;

/// <summary>Everything about one collection in one request.</summary>
internal sealed record CollectionContext(EasContext Request, EasFolder Folder, CollectionScope Scope, SyncOptions Options, DateTimeOffset Now)
{
    /// <summary>The collection's own WindowSize, if it gave one.</summary>
    public int? CollectionWindow { get; init; }

    public string AccountId => Request.AccountId;

    /// <summary>The ServerId of an item of this collection: the collection's id and the store's.</summary>
    public string ServerIdOf(string itemId) => $"{Folder.ServerId}:{itemId}";

    /// <summary>The store id behind a ServerId of this collection, or null when it belongs elsewhere.</summary>
    public string? ItemIdOf(string serverId) =>
        serverId.StartsWith(Folder.ServerId + ":", StringComparison.Ordinal) && serverId.Length > Folder.ServerId.Length + 1
            ? serverId[(Folder.ServerId.Length + 1)..]
            : null;

    /// <summary>Whether an item dated <paramref name="date"/> is inside the FilterType window.</summary>
    public bool WithinWindow(DateTimeOffset? date) =>
        Options.FilterWindow is not { } window || date is null || date >= Now - window;
}
