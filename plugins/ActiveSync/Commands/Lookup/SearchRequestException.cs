namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>A Search or Find request the server answers with a store status, not results.</summary>
internal sealed class SearchRequestException(int status, string reason) : Exception(reason)
{
    public int Status { get; } = status;
}

/// <summary>The Status of a Search Store (MS-ASCMD 2.2.3.177.13).</summary>
internal static class SearchStatus
{
    public const int Success = 1;
    public const int InvalidRequest = 2;
    public const int ServerError = 3;
    public const int TooComplex = 8;

    /// <summary>The collection is not known: the device's hierarchy is stale.</summary>
    public const int FolderSyncRequired = 11;
}
