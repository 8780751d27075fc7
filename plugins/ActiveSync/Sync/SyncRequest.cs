using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Sync;

/// <summary>A Sync request, read from WBXML (MS-ASCMD 2.2.1.21), or rebuilt from the cached one for an empty or partial request.</summary>
internal sealed record SyncRequest(IReadOnlyList<CollectionRequest> Collections)
{
    /// <summary>12.1 Wait, in minutes, turned into seconds; or 14.0 HeartbeatInterval.</summary>
    public int? WaitSeconds { get; init; }

    /// <summary>The window across every collection (14.0+).</summary>
    public int? WindowSize { get; init; }

    /// <summary>Whether the request names only some collections and the cached request fills in the rest (12.1+).</summary>
    public bool Partial { get; init; }
}

/// <summary>One Collection of a Sync request.</summary>
internal sealed record CollectionRequest(string SyncKey, string CollectionId)
{
    public bool DeletesAsMoves { get; init; } = true;

    /// <summary>Whether server changes are wanted; MS-ASCMD 2.2.3.84: true when absent, except with SyncKey 0.</summary>
    public bool? GetChanges { get; init; }

    public int? WindowSize { get; init; }

    public SyncOptions Options { get; init; } = new();

    /// <summary>Whether the request carried Options; a Partial request without them keeps the cached ones.</summary>
    public bool HasOptions { get; init; }

    public IReadOnlyList<ClientCommand> Commands { get; init; } = [];

    /// <summary>The elements the client declares it supports (ghosting, MS-ASCMD 2.2.3.179): absent ones are left as they are.</summary>
    public IReadOnlyList<WbxmlTag>? Supported { get; init; }

    public bool ConversationMode { get; init; }
}

/// <summary>A change a device sends for one item.</summary>
internal abstract record ClientCommand;

internal sealed record ClientAdd(string ClientId, WbxmlElement? ApplicationData) : ClientCommand;

internal sealed record ClientChange(string ServerId, WbxmlElement? ApplicationData) : ClientCommand;

internal sealed record ClientDelete(string ServerId) : ClientCommand;

internal sealed record ClientFetch(string ServerId) : ClientCommand;
