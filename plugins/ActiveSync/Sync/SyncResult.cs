using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Sync;

/// <summary>What a collection answers: its key and status, the server's commands and the answers to the client's.</summary>
internal sealed class CollectionResult(string collectionId)
{
    public string CollectionId { get; } = collectionId;

    public string? SyncKey { get; set; }

    public int Status { get; set; } = SyncStatus.Success;

    public bool MoreAvailable { get; set; }

    public List<ServerCommand> Commands { get; } = [];

    public List<ClientResponse> Responses { get; } = [];

    public static CollectionResult Failed(string collectionId, int status, string? syncKey = null) =>
        new(collectionId) { Status = status, SyncKey = syncKey };
}

/// <summary>A change the server sends: Add, Change, Delete or SoftDelete of an item.</summary>
/// <param name="Kind">Which.</param>
/// <param name="ServerId">The item's ServerId.</param>
/// <param name="Write">Writes the children of ApplicationData (Add and Change).</param>
internal sealed record ServerCommand(ServerCommandKind Kind, string ServerId, Action<WbxmlWriter>? Write = null);

internal enum ServerCommandKind
{
    Add,
    Change,
    Delete,
    SoftDelete,
}

/// <summary>The answer to one client command (only failures for Change and Delete, MS-ASCMD 2.2.3.154).</summary>
internal sealed record ClientResponse(ServerCommandKind Kind, string? ClientId, string? ServerId, int Status, Action<WbxmlWriter>? Write = null)
{
    public bool IsFetch { get; init; }
}
