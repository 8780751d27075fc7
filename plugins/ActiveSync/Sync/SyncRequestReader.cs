using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Sync;

/// <summary>Reads a Sync request; what does not follow MS-ASCMD 2.2.1.21 is a 400 (Status 4 for 14.0+ clients is given by the handler).</summary>
internal static class SyncRequestReader
{
    public static SyncRequest Read(WbxmlElement sync)
    {
        if (sync.Tag != AirSync.Sync)
        {
            throw new InvalidSyncRequestException("the root element is not Sync");
        }

        var collections = sync.Element(AirSync.Collections)?.Elements(AirSync.Collection).Select(ReadCollection).ToList() ?? [];
        return new SyncRequest(collections)
        {
            WaitSeconds = sync.Int(AirSync.Wait) is { } minutes ? minutes * 60 : sync.Int(AirSync.HeartbeatInterval),
            WindowSize = sync.Int(AirSync.WindowSize),
            Partial = sync.Element(AirSync.Partial) is not null,
        };
    }

    private static CollectionRequest ReadCollection(WbxmlElement collection)
    {
        var syncKey = collection.Value(AirSync.SyncKey) ?? throw new InvalidSyncRequestException("a Collection has no SyncKey");
        var collectionId = collection.Value(AirSync.CollectionId) ?? throw new InvalidSyncRequestException("a Collection has no CollectionId");
        return new CollectionRequest(syncKey, collectionId)
        {
            DeletesAsMoves = collection.Element(AirSync.DeletesAsMoves) is not { } deletes || deletes.Text is null or "" or "1",
            GetChanges = collection.Element(AirSync.GetChanges) is { } changes ? changes.Text is null or "" or "1" : null,
            WindowSize = collection.Int(AirSync.WindowSize),
            Options = ReadOptions(collection.Elements(AirSync.Options).ToList()),
            HasOptions = collection.Element(AirSync.Options) is not null,
            Commands = collection.Element(AirSync.Commands)?.Children.Select(ReadCommand).ToList() ?? [],
            Supported = collection.Element(AirSync.Supported)?.Children.Select(child => child.Tag).ToList(),
            ConversationMode = collection.Element(AirSync.ConversationMode) is { Text: null or "" or "1" },
        };
    }

    private static SyncOptions ReadOptions(IReadOnlyList<WbxmlElement> options)
    {
        // Several Options elements may come, one per Class (14.0 SMS); the first without a Class is the collection's own.
        var own = options.FirstOrDefault(o => o.Value(AirSync.Class) is null or "Email" or "Contacts" or "Calendar" or "Tasks" or "Notes");
        if (own is null)
        {
            return new SyncOptions();
        }

        return ReadBodyOptions(own) with
        {
            FilterType = own.Int(AirSync.FilterType) is { } filter and >= 0 and <= 8 ? filter : 0,
            MaxItems = own.Int(AirSync.MaxItems),
        };
    }

    /// <summary>The options that say in what form items come (bodies, MIME, rights management): Sync's and ItemOperations' alike.</summary>
    public static SyncOptions ReadBodyOptions(WbxmlElement options) => new()
    {
        BodyPreferences = options.Elements(AirSyncBase.BodyPreference).Select(ReadBodyPreference).ToList(),
        MimeSupport = options.Int(AirSync.MIMESupport) ?? 0,
        MimeTruncation = options.Int(AirSync.MIMETruncation),
        RightsManagementSupport = options.Value(RightsManagement.RightsManagementSupport) == "1",
    };

    private static BodyPreference ReadBodyPreference(WbxmlElement preference) =>
        new(preference.Int(AirSyncBase.Type) ?? throw new InvalidSyncRequestException("a BodyPreference has no Type"))
        {
            TruncationSize = preference.Value(AirSyncBase.TruncationSize) is { } size && long.TryParse(size, out var bytes) ? bytes : null,
            AllOrNone = preference.Value(AirSyncBase.AllOrNone) == "1",
            Preview = preference.Int(AirSyncBase.Preview),
        };

    private static ClientCommand ReadCommand(WbxmlElement command)
    {
        if (command.Tag == AirSync.Add)
        {
            return new ClientAdd(command.Value(AirSync.ClientId) ?? throw new InvalidSyncRequestException("an Add has no ClientId"), command.Element(AirSync.ApplicationData));
        }

        var serverId = command.Value(AirSync.ServerId) ?? throw new InvalidSyncRequestException("a command has no ServerId");
        if (command.Tag == AirSync.Change)
        {
            return new ClientChange(serverId, command.Element(AirSync.ApplicationData));
        }

        if (command.Tag == AirSync.Delete)
        {
            // 16.x: a Delete naming an InstanceId deletes one occurrence, a change of the series (MS-ASCMD 2.2.3.86.2).
            return command.Element(AirSyncBase.InstanceId) is { } instance
                ? new ClientChange(serverId, Conversion.Groupware.OccurrenceChange.DeletionOf(instance))
                : new ClientDelete(serverId);
        }

        if (command.Tag == AirSync.Fetch)
        {
            return new ClientFetch(serverId);
        }

        throw new InvalidSyncRequestException("a Commands element holds something other than Add, Change, Delete or Fetch");
    }
}

/// <summary>A Sync request that does not follow the protocol: Status 4 (14.0+) or HTTP 400.</summary>
internal sealed class InvalidSyncRequestException(string reason) : Exception(reason);
