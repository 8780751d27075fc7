namespace Passerelle.ActiveSync.Sync;

/// <summary>The statuses of Sync (MS-ASCMD 2.2.3.177.16), collection-level and item-level.</summary>
internal static class SyncStatus
{
    public const int Success = 1;
    public const int InvalidSyncKey = 3;
    public const int ProtocolError = 4;
    public const int ServerError = 5;
    public const int ConversionError = 6;
    /// <summary>The server's object wins: also the answer to a change on a read-only folder, whose item is sent again.</summary>
    public const int Conflict = 7;
    public const int ObjectNotFound = 8;
    public const int HierarchyChanged = 12;
    public const int IncompleteRequest = 13;
    public const int InvalidWaitOrHeartbeat = 14;
    public const int InvalidRequest = 15;
    public const int Retry = 16;
}
