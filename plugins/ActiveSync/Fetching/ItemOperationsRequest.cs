using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Fetching;

/// <summary>One operation of an ItemOperations request, in the order the device gave them.</summary>
internal abstract record ItemOperation;

/// <summary>
/// Fetch (MS-ASCMD 2.2.3.67.1): an item by CollectionId and ServerId, a Search result by LongId, or an
/// attachment by FileReference; with the body options of Sync and, for attachments, a byte Range.
/// </summary>
internal sealed record FetchOperation(string Store) : ItemOperation
{
    public string? CollectionId { get; init; }

    public string? ServerId { get; init; }

    public string? LongId { get; init; }

    public string? FileReference { get; init; }

    public SyncOptions Options { get; init; } = new();

    /// <summary>The Range asked for, if any.</summary>
    public string? RangeText { get; init; }
}

/// <summary>EmptyFolderContents (MS-ASCMD 2.2.3.57): every item of a folder, and its subfolders when asked.</summary>
internal sealed record EmptyFolderOperation(string? CollectionId, bool DeleteSubFolders) : ItemOperation;

/// <summary>Move of a whole conversation (14.0+, MS-ASCMD 2.2.3.117.1).</summary>
internal sealed record ConversationMoveOperation(byte[] ConversationId, string? DestinationId) : ItemOperation;

/// <summary>An element the command does not know: answered with a protocol error.</summary>
internal sealed record UnknownOperation : ItemOperation;

/// <summary>Reads the operations of an ItemOperations request.</summary>
internal static class ItemOperationsRequest
{
    public static IReadOnlyList<ItemOperation> Read(WbxmlElement root)
    {
        var operations = new List<ItemOperation>();
        foreach (var element in root.Children)
        {
            operations.Add(element.Tag switch
            {
                var tag when tag == ItemOperations.Fetch => ReadFetch(element),
                var tag when tag == ItemOperations.EmptyFolderContents => new EmptyFolderOperation(
                    element.Value(AirSync.CollectionId),
                    element.Element(ItemOperations.Options)?.Element(ItemOperations.DeleteSubFolders) is not null),
                var tag when tag == ItemOperations.Move => new ConversationMoveOperation(
                    element.Element(ItemOperations.ConversationId)?.Opaque?.ToArray() ?? [],
                    element.Value(ItemOperations.DstFldId)),
                _ => new UnknownOperation(),
            });
        }

        return operations;
    }

    private static FetchOperation ReadFetch(WbxmlElement fetch)
    {
        var options = fetch.Element(ItemOperations.Options);
        return new FetchOperation(fetch.Value(ItemOperations.Store) ?? "")
        {
            CollectionId = fetch.Value(AirSync.CollectionId),
            ServerId = fetch.Value(AirSync.ServerId),
            LongId = fetch.Value(Search.LongId),
            FileReference = fetch.Value(AirSyncBase.FileReference),
            RangeText = options?.Value(ItemOperations.Range),
            Options = options is null ? new SyncOptions() : SyncRequestReader.ReadBodyOptions(options),
        };
    }
}
