using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// MoveItems (MS-ASCMD 2.2.1.12): between mail folders, or between groupware folders of one class. The
/// moving device's own states are told at once (it has moved the item already), so that its next Syncs
/// neither delete it twice nor add it a second time.
/// </summary>
internal sealed class MoveItemsHandler(
    FolderHierarchyBuilder hierarchy,
    CollectionStateStore states,
    IEnumerable<IMailStore> mailStores,
    IEnumerable<IGroupwareStore> groupwareStores,
    DeviceLocks locks) : ICommandHandler
{
    public string Command => "MoveItems";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var request = context.Document;
        if (request.Tag != Move.MoveItems)
        {
            throw Http.EasHttpException.BadRequest("the root element is not MoveItems");
        }

        using var held = await locks.AcquireAsync(context.AccountId, context.DeviceId, cancellationToken);
        var folders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var results = new List<(string Source, int Status, string? Destination)>();
        foreach (var move in request.Elements(Move.MoveTag))
        {
            results.Add(await MoveAsync(context, move, folders, cancellationToken));
        }

        return EasResponse.Wbxml(writer =>
        {
            writer.WriteStartElement(Move.MoveItems);
            foreach (var (source, status, destination) in results)
            {
                writer.WriteStartElement(Move.Response);
                writer.WriteElement(Move.SrcMsgId, source);
                writer.WriteElement(Move.Status, status);
                if (destination is not null)
                {
                    writer.WriteElement(Move.DstMsgId, destination);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private async Task<(string, int, string?)> MoveAsync(EasContext context, WbxmlElement move, IReadOnlyList<EasFolder> folders, CancellationToken cancellationToken)
    {
        var sourceId = move.Value(Move.SrcMsgId) ?? "";
        var source = folders.FirstOrDefault(f => f.ServerId == move.Value(Move.SrcFldId));
        var target = folders.FirstOrDefault(f => f.ServerId == move.Value(Move.DstFldId));
        var prefix = source?.ServerId + ":";
        if (source is null || !sourceId.StartsWith(prefix, StringComparison.Ordinal) || source.ReadOnly)
        {
            return (sourceId, MoveStatus.InvalidSource, null);
        }

        if (target is null || target.ReadOnly || target.Class != source.Class || target.Store.Source != source.Store.Source)
        {
            return (sourceId, MoveStatus.InvalidDestination, null);
        }

        if (target.ServerId == source.ServerId)
        {
            return (sourceId, MoveStatus.SameFolder, null);
        }

        var itemId = sourceId[prefix.Length..];
        try
        {
            var movedId = source.Store.Source == FolderSource.Mail
                ? await Mail.MoveMessageAsync(context.AccountId, source.Store.FolderId, itemId, target.Store.FolderId, cancellationToken)
                : await Groupware.MoveItemAsync(context.AccountId, source.Store.FolderId, itemId, target.Store.FolderId, cancellationToken);
            await states.ForgetAsync(new CollectionScope(context.AccountId, context.DeviceId, source.ServerId), itemId, cancellationToken);
            await states.HoldAsync(new CollectionScope(context.AccountId, context.DeviceId, target.ServerId), movedId, cancellationToken);
            return (sourceId, MoveStatus.Success, $"{target.ServerId}:{movedId}");
        }
        catch (ItemNotFoundException)
        {
            return (sourceId, MoveStatus.InvalidSource, null);
        }
        catch (FolderNotFoundException)
        {
            return (sourceId, MoveStatus.InvalidDestination, null);
        }
        catch (AccessDeniedException)
        {
            return (sourceId, MoveStatus.InvalidDestination, null);
        }
    }

    private IMailStore Mail => mailStores.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin provides mail");

    private IGroupwareStore Groupware => groupwareStores.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin provides groupware");

    private static class MoveStatus
    {
        public const int InvalidSource = 1;
        public const int InvalidDestination = 2;
        public const int Success = 3;
        public const int SameFolder = 4;
    }
}
