using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Mail;
using Passerelle.ActiveSync.Sync;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Fetching;

/// <summary>
/// Answers one ItemOperations Fetch: an item of any class by its ServerId (read as Sync reads it), a
/// Search result by LongId, or an attachment by FileReference, streamed from the store.
/// </summary>
internal sealed class ItemFetcher(FolderHierarchyBuilder hierarchy, SyncClasses classes, ItemLocator locator, MailLimitsProvider mailLimits, TimeProvider time)
{
    // Multipart offsets are 32-bit; an inline answer is no better off beyond this.
    private const long MaxAttachmentLength = int.MaxValue - (16 * 1024 * 1024);

    public async Task<OperationResult> FetchAsync(EasContext context, FetchOperation fetch, CancellationToken cancellationToken)
    {
        var target = FetchTarget.Of(fetch);
        if (!fetch.Store.Equals("Mailbox", StringComparison.OrdinalIgnoreCase))
        {
            // Document libraries (UNC and SharePoint links) are not served.
            return new FetchFailure(ItemOperationsStatus.StoreUnknown, target);
        }

        try
        {
            if (fetch.FileReference is { } reference)
            {
                return await FetchAttachmentAsync(context, reference, fetch.RangeText, target, cancellationToken);
            }

            if (fetch.LongId is { } longId)
            {
                return await FetchItemAsync(context, null, longId, fetch.Options, target, cancellationToken);
            }

            if (fetch.ServerId is { } serverId)
            {
                return await FetchItemAsync(context, fetch.CollectionId, serverId, fetch.Options, target, cancellationToken);
            }

            return new FetchFailure(ItemOperationsStatus.ProtocolError, target);
        }
        catch (Exception failure) when (failure is ItemNotFoundException or FolderNotFoundException)
        {
            return new FetchFailure(ItemOperationsStatus.NotFound, target);
        }
        catch (AccessDeniedException)
        {
            return new FetchFailure(ItemOperationsStatus.AccessDenied, target);
        }
    }

    private async Task<OperationResult> FetchItemAsync(EasContext context, string? collectionId, string serverId, SyncOptions options, FetchTarget target, CancellationToken cancellationToken)
    {
        var colon = serverId.IndexOf(':', StringComparison.Ordinal);
        var folderId = collectionId ?? (colon > 0 ? serverId[..colon] : null);
        var folders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var folder = folders.FirstOrDefault(f => f.ServerId == folderId);
        if (folder is null || classes.For(folder.Class) is not { } syncClass)
        {
            return new FetchFailure(ItemOperationsStatus.NotFound, target);
        }

        var collection = new CollectionContext(context, folder, new CollectionScope(context.AccountId, context.DeviceId, folder.ServerId), options, time.GetUtcNow())
        {
            Limits = await mailLimits.GetAsync(context, cancellationToken),
        };
        if (collection.ItemIdOf(serverId) is not { } itemId
            || await syncClass.SourceFor(collection).GetItemAsync(itemId, cancellationToken) is not { } item)
        {
            return new FetchFailure(ItemOperationsStatus.NotFound, target);
        }

        try
        {
            var properties = await syncClass.PrepareFullAsync(item, collection, cancellationToken);
            return new FetchedItem(target, folder.Class.ToString(), properties);
        }
        catch (Exception failure) when (failure is FormatException or MimeKit.ParseException or Conversion.ConversionException)
        {
            return new FetchFailure(ItemOperationsStatus.ConversionFailed, target);
        }
    }

    private async Task<OperationResult> FetchAttachmentAsync(EasContext context, string reference, string? rangeText, FetchTarget target, CancellationToken cancellationToken)
    {
        // A FileReference is the item's ServerId and the attachment's number: "collection:item:n". Some
        // clients send it URL-encoded, as other servers hand it out.
        reference = reference.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(reference) : reference;
        var colon = reference.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(reference.AsSpan(colon + 1), out var index)
            || await locator.FindAsync(context, null, reference[..colon], cancellationToken) is not { } located)
        {
            return new FetchFailure(ItemOperationsStatus.AttachmentInvalid, target);
        }

        ByteRange? range = null;
        if (rangeText is not null)
        {
            if (!ByteRange.TryParse(rangeText, out var asked))
            {
                return new FetchFailure(ItemOperationsStatus.ByteRangeInvalid, target);
            }

            range = asked;
        }

        var mime = await located.OpenAsync(context, cancellationToken);
        try
        {
            if (await AttachmentLocator.OpenAsync(mime, index, cancellationToken) is not { } content)
            {
                await mime.DisposeAsync();
                return new FetchFailure(ItemOperationsStatus.AttachmentInvalid, target);
            }

            var limits = await mailLimits.GetAsync(context, cancellationToken);
            if (!new EmailOptions { Version = context.Version, NoAttachments = limits.NoAttachments, MaxAttachmentSize = limits.MaxAttachmentSize }.Allows(content.Length))
            {
                // The policy withholds it, as Sync did not list it.
                await content.DisposeAsync();
                await mime.DisposeAsync();
                return new FetchFailure(ItemOperationsStatus.AccessDenied, target);
            }

            var sent = range?.Within(content.Length);
            if ((range is not null && sent is null) || content.Length > MaxAttachmentLength)
            {
                await content.DisposeAsync();
                await mime.DisposeAsync();
                return new FetchFailure(range is not null && sent is null ? ItemOperationsStatus.ByteRangeInvalid : ItemOperationsStatus.DataTooLarge, target);
            }

            return new FetchedAttachment(target, content, mime, sent);
        }
        catch
        {
            await mime.DisposeAsync();
            throw;
        }
    }
}
