using Microsoft.Extensions.Options;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// Sync (MS-ASCMD 2.2.1.21): every collection of the request, in one window shared between them, with
/// empty and Partial requests completed from the device's last full request.
/// </summary>
internal sealed class SyncHandler(
    SyncRequestCache cache,
    CollectionSync collections,
    FolderHierarchyBuilder hierarchy,
    SyncClasses classes,
    DeviceLocks locks,
    Push.PingRegistry pings,
    Push.ChangeWatcher watcher,
    IOptionsMonitor<ActiveSyncOptions> options,
    TimeProvider time) : ICommandHandler
{
    public string Command => "Sync";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        pings.Supersede(context.AccountId, context.DeviceId); // a Sync from the device ends its waiting Ping
        SyncRequest request;
        try
        {
            request = await ReadRequestAsync(context, cancellationToken);
        }
        catch (InvalidSyncRequestException)
        {
            return GlobalStatus(SyncStatus.ProtocolError);
        }

        if (request.Collections.Count == 0)
        {
            // An empty request with nothing cached to repeat (ZP-1241: answer with a status, never an empty reply).
            return GlobalStatus(SyncStatus.IncompleteRequest);
        }

        var settings = options.CurrentValue;
        if (request.WaitSeconds is { } wait && (wait < settings.MinHeartbeatSeconds || wait > settings.MaxHeartbeatSeconds))
        {
            return WaitOutOfRange(wait < settings.MinHeartbeatSeconds ? settings.MinHeartbeatSeconds : settings.MaxHeartbeatSeconds, context);
        }

        var results = await PassAsync(context, request, cancellationToken);
        if (request.WaitSeconds is { } seconds && NothingToReport(request, results))
        {
            var changed = await WaitForChangesAsync(context, request, TimeSpan.FromSeconds(seconds), cancellationToken);
            if (changed is null)
            {
                return EasResponse.Empty(); // MS-ASCMD 2.2.3.198: the wait ended with no change
            }

            results = changed;
        }

        return EasResponse.Wbxml(writer => SyncResponseWriter.Write(writer, results));
    }

    private async Task<List<CollectionResult>> PassAsync(EasContext context, SyncRequest request, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(context.AccountId, context.DeviceId, cancellationToken);
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var window = new SyncWindow(Math.Clamp(request.WindowSize ?? int.MaxValue, 1, settings.MaxWindowSize * 4), now + settings.ResponseDeadline, time);
        var hierarchyFolders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var results = new List<CollectionResult>();
        foreach (var collection in request.Collections)
        {
            results.Add(await RunCollectionAsync(context, collection, hierarchyFolders, window, now, cancellationToken));
        }

        return results;
    }

    /// <summary>A Sync with Wait or HeartbeatInterval (12.1+) waits like a Ping when nothing changed, then syncs what did.</summary>
    private async Task<List<CollectionResult>?> WaitForChangesAsync(EasContext context, SyncRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var registration = pings.Register(context.AccountId, context.DeviceId);
        var folders = (await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken))
            .Where(f => request.Collections.Any(c => c.CollectionId == f.ServerId))
            .ToList();
        await using var watch = await watcher.WatchAsync(context.AccountId, folders.Select(f => f.Store).ToList(), cancellationToken);
        using var end = new CancellationTokenSource(wait, time);
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, registration.Superseded, end.Token);
        try
        {
            // Subscribed first, so a change between the first pass and now is not missed.
            var results = await PassAsync(context, request, cancellationToken);
            while (NothingToReport(request, results))
            {
                await watch.WaitAsync(expiry.Token);
                results = await PassAsync(context, request, cancellationToken);
            }

            return results;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static bool NothingToReport(SyncRequest request, List<CollectionResult> results) =>
        results.All(r => r.Status == SyncStatus.Success && r.Commands.Count == 0 && r.Responses.Count == 0 && !r.MoreAvailable
            && request.Collections.Any(c => c.CollectionId == r.CollectionId && c.SyncKey == r.SyncKey));

    private async Task<SyncRequest> ReadRequestAsync(EasContext context, CancellationToken cancellationToken)
    {
        var cached = await cache.LoadAsync(context.AccountId, context.DeviceId, cancellationToken);
        if (!context.HasBody)
        {
            return cached ?? new SyncRequest([]);
        }

        var request = SyncRequestReader.Read(context.Document);
        if (request.Partial && cached is not null)
        {
            request = SyncRequestCache.Merge(request, cached);
        }

        if (request.Collections.Count > 0)
        {
            await cache.SaveAsync(context.AccountId, context.DeviceId, request, cancellationToken);
        }

        return request;
    }

    private async Task<CollectionResult> RunCollectionAsync(EasContext context, CollectionRequest collection, IReadOnlyList<EasFolder> hierarchyFolders, SyncWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var folder = hierarchyFolders.FirstOrDefault(f => f.ServerId == collection.CollectionId);
        if (folder is null || classes.For(folder.Class) is not { } syncClass)
        {
            // FIELD-NOTES 4: a collection the device should not have any more: it must FolderSync.
            return CollectionResult.Failed(collection.CollectionId, SyncStatus.HierarchyChanged);
        }

        var scope = new CollectionScope(context.AccountId, context.DeviceId, folder.ServerId);
        var collectionContext = new CollectionContext(context, folder, scope, collection.Options, now) { CollectionWindow = collection.WindowSize };
        try
        {
            return await collections.RunAsync(collection, collectionContext, syncClass, window, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            return CollectionResult.Failed(collection.CollectionId, SyncStatus.HierarchyChanged);
        }
    }

    private static EasResponse GlobalStatus(int status) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteElement(AirSync.Status, status);
        writer.WriteEndElement();
    });

    private static EasResponse WaitOutOfRange(int limitSeconds, EasContext context) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(AirSync.Sync);
        writer.WriteElement(AirSync.Status, SyncStatus.InvalidWaitOrHeartbeat);
        // MS-ASCMD 2.2.3.97: Limit is in minutes for Wait (12.1), seconds for HeartbeatInterval (14.0+).
        writer.WriteElement(AirSync.Limit, context.Version >= Http.ProtocolVersion.V140 ? limitSeconds : limitSeconds / 60);
        writer.WriteEndElement();
    });
}
