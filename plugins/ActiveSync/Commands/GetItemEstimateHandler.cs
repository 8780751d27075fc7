using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// GetItemEstimate (MS-ASCMD 2.2.1.9): how many changes await each collection. Up to 12.1 the FilterType
/// sits in the collection; from 14.0 in airsync:Options.
/// </summary>
internal sealed class GetItemEstimateHandler(FolderHierarchyBuilder hierarchy, SyncClasses classes, CollectionStateStore states, ItemEstimator estimator, TimeProvider time) : ICommandHandler
{
    public string Command => "GetItemEstimate";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        var collections = request.Element(ItemEstimate.Collections)?.Elements(ItemEstimate.Collection).ToList();
        if (request.Tag != ItemEstimate.GetItemEstimate || collections is null or [])
        {
            return EasResponse.Wbxml(writer =>
            {
                writer.WriteStartElement(ItemEstimate.GetItemEstimate);
                writer.WriteStartElement(ItemEstimate.Response);
                writer.WriteElement(ItemEstimate.Status, EstimateStatus.InvalidCollection);
                writer.WriteEndElement();
                writer.WriteEndElement();
            });
        }

        var folders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var answers = new List<(string CollectionId, int Status, int Estimate)>();
        foreach (var collection in collections)
        {
            answers.Add(await EstimateAsync(context, collection, folders, cancellationToken));
        }

        return EasResponse.Wbxml(writer =>
        {
            writer.WriteStartElement(ItemEstimate.GetItemEstimate);
            foreach (var (collectionId, status, estimate) in answers)
            {
                writer.WriteStartElement(ItemEstimate.Response);
                writer.WriteElement(ItemEstimate.Status, status);
                writer.WriteStartElement(ItemEstimate.Collection);
                writer.WriteElement(ItemEstimate.CollectionId, collectionId);
                if (status == EstimateStatus.Success)
                {
                    writer.WriteElement(ItemEstimate.Estimate, estimate);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private async Task<(string, int, int)> EstimateAsync(EasContext context, WbxmlElement collection, IReadOnlyList<EasFolder> folders, CancellationToken cancellationToken)
    {
        var collectionId = collection.Value(ItemEstimate.CollectionId) ?? "";
        var syncKey = collection.Value(AirSync.SyncKey);
        var folder = folders.FirstOrDefault(f => f.ServerId == collectionId);
        if (folder is null || classes.For(folder.Class) is not { } syncClass)
        {
            return (collectionId, EstimateStatus.InvalidCollection, 0);
        }

        if (syncKey is null or SyncKey.Initial)
        {
            return (collectionId, EstimateStatus.NotPrimed, 0);
        }

        var scope = new CollectionScope(context.AccountId, context.DeviceId, collectionId);
        var known = await states.GetAsync(scope, cancellationToken);
        if (!SyncKey.TryParse(syncKey, out var key) || known.FirstOrDefault(s => s.Key == key) is not { } state)
        {
            return (collectionId, EstimateStatus.InvalidSyncKey, 0);
        }

        var filterType = context.Version >= ProtocolVersion.V140
            ? collection.Element(AirSync.Options)?.Int(AirSync.FilterType)
            : collection.Int(AirSync.FilterType);
        var options = new SyncOptions { FilterType = filterType ?? state.FilterType };
        try
        {
            var estimate = await estimator.EstimateAsync(new CollectionContext(context, folder, scope, options, time.GetUtcNow()), syncClass, state, cancellationToken);
            return (collectionId, EstimateStatus.Success, estimate);
        }
        catch (FolderNotFoundException)
        {
            return (collectionId, EstimateStatus.InvalidCollection, 0);
        }
    }

    private static class EstimateStatus
    {
        public const int Success = 1;
        public const int InvalidCollection = 2;
        public const int NotPrimed = 3;
        public const int InvalidSyncKey = 4;
    }
}
