using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Fetching;

/// <summary>What became of one operation, written into the ItemOperations Response in request order.</summary>
internal abstract class OperationResult : IAsyncDisposable
{
    public abstract Task WriteAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The ids a Fetch named, echoed in its answer so the device can match it.</summary>
internal sealed record FetchTarget(string? CollectionId, string? ServerId, string? LongId, string? FileReference)
{
    public static FetchTarget Of(FetchOperation fetch) => new(fetch.CollectionId, fetch.ServerId, fetch.LongId, fetch.FileReference);

    public void Write(WbxmlWriter writer)
    {
        if (FileReference is not null)
        {
            writer.WriteElement(AirSyncBase.FileReference, FileReference);
            return;
        }

        if (LongId is not null)
        {
            writer.WriteElement(Search.LongId, LongId);
            return;
        }

        if (CollectionId is not null)
        {
            writer.WriteElement(AirSync.CollectionId, CollectionId);
        }

        if (ServerId is not null)
        {
            writer.WriteElement(AirSync.ServerId, ServerId);
        }
    }
}

/// <summary>A Fetch that failed: its status and what it named.</summary>
internal sealed class FetchFailure(int status, FetchTarget target) : OperationResult
{
    public int Status => status;

    public override Task WriteAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken)
    {
        writer.WriteStartElement(ItemOperations.Fetch);
        writer.WriteElement(ItemOperations.Status, status);
        target.Write(writer);
        writer.WriteEndElement();
        return Task.CompletedTask;
    }
}

/// <summary>An item fetched whole: its class and its properties as Sync would send them.</summary>
internal sealed class FetchedItem(FetchTarget target, string itemClass, Action<WbxmlWriter> properties) : OperationResult
{
    public override Task WriteAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken)
    {
        writer.WriteStartElement(ItemOperations.Fetch);
        writer.WriteElement(ItemOperations.Status, ItemOperationsStatus.Success);
        target.Write(writer);
        writer.WriteElement(AirSync.Class, itemClass);
        writer.WriteStartElement(ItemOperations.Properties);
        properties(writer);
        writer.WriteEndElement();
        writer.WriteEndElement();
        return Task.CompletedTask;
    }
}

/// <summary>
/// An attachment's content, read from the store as it is written: inline as base64 Data, or as a part
/// of a multipart answer. A Range gives its Range and Total.
/// </summary>
internal sealed class FetchedAttachment(FetchTarget target, AttachmentContent content, Stream mime, ByteRange? range) : OperationResult
{
    public override async Task WriteAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken)
    {
        writer.WriteStartElement(ItemOperations.Fetch);
        writer.WriteElement(ItemOperations.Status, ItemOperationsStatus.Success);
        target.Write(writer);
        writer.WriteStartElement(ItemOperations.Properties);
        writer.WriteElement(AirSyncBase.ContentType, content.ContentType);
        var data = range is { } window ? new BoundedReadStream(content.Content, window.First, window.Count) : content.Content;
        var length = range?.Count ?? content.Length;
        if (range is { } sent)
        {
            writer.WriteElement(ItemOperations.Range, sent.ToString());
            writer.WriteElement(ItemOperations.Total, content.Length);
        }

        if (parts is not null)
        {
            writer.WriteElement(ItemOperations.Part, parts.Add(data, length));
        }
        else
        {
            await writer.WriteBase64Async(ItemOperations.Data, data, cancellationToken);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public string ContentType => content.ContentType;

    /// <summary>Copies the content itself (GetAttachment's answer).</summary>
    public Task CopyToAsync(Stream output, CancellationToken cancellationToken) => content.Content.CopyToAsync(output, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await content.DisposeAsync();
        await mime.DisposeAsync();
    }
}

/// <summary>The answer to EmptyFolderContents.</summary>
internal sealed class EmptiedFolder(int status, string? collectionId) : OperationResult
{
    public override Task WriteAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken)
    {
        writer.WriteStartElement(ItemOperations.EmptyFolderContents);
        writer.WriteElement(ItemOperations.Status, status);
        if (collectionId is not null)
        {
            writer.WriteElement(AirSync.CollectionId, collectionId);
        }

        writer.WriteEndElement();
        return Task.CompletedTask;
    }
}

/// <summary>The answer to a conversation Move.</summary>
internal sealed class MovedConversation(int status, byte[] conversationId) : OperationResult
{
    public override Task WriteAsync(WbxmlWriter writer, DataParts? parts, CancellationToken cancellationToken)
    {
        writer.WriteStartElement(ItemOperations.Move);
        writer.WriteElement(ItemOperations.Status, status);
        writer.WriteOpaque(ItemOperations.ConversationId, conversationId);
        writer.WriteEndElement();
        return Task.CompletedTask;
    }
}

/// <summary>The ItemOperations Status values this server gives (MS-ASCMD 2.2.3.177.8).</summary>
internal static class ItemOperationsStatus
{
    public const int Success = 1;
    public const int ProtocolError = 2;
    public const int ServerError = 3;
    public const int NotFound = 6;
    public const int ByteRangeInvalid = 8;
    public const int DataTooLarge = 11;
    public const int StoreUnknown = 9;
    public const int ConversionFailed = 14;
    public const int AttachmentInvalid = 15;
    public const int AccessDenied = 16;
}
