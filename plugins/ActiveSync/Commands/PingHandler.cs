using System.Text.Json;
using Microsoft.Extensions.Options;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Push;
using Passerelle.ActiveSync.State;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// Ping (MS-ASCMD 2.2.1.13), direct push: waits until one of the folders changes (Status 2 naming them)
/// or the heartbeat ends (Status 1), holding no thread. An empty Ping repeats the device's last one.
/// </summary>
internal sealed class PingHandler(
    FolderHierarchyBuilder hierarchy,
    FolderStateProbe probe,
    ChangeWatcher watcher,
    PingRegistry registry,
    StateDatabase database,
    IOptionsMonitor<ActiveSyncOptions> options,
    TimeProvider time) : ICommandHandler
{
    public string Command => "Ping";

    public async Task<EasResponse> HandleAsync(EasContext context, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (context.HasBody && context.Document.Tag != Ping.PingTag)
        {
            return Status(PingStatus.SyntaxError);
        }

        var request = context.HasBody ? Read(context.Document) : await LoadAsync(context, cancellationToken);
        if (request is null || request.Folders.Count == 0 && request.Heartbeat is null)
        {
            return Status(PingStatus.MissingParameters);
        }

        if (request.Heartbeat is { } heartbeat && (heartbeat < settings.MinHeartbeatSeconds || heartbeat > settings.MaxHeartbeatSeconds))
        {
            var limit = heartbeat < settings.MinHeartbeatSeconds ? settings.MinHeartbeatSeconds : settings.MaxHeartbeatSeconds;
            return Status(PingStatus.HeartbeatOutOfRange, writer => writer.WriteElement(Ping.HeartbeatInterval, limit));
        }

        if (request.Folders.Count > settings.MaxPingFolders)
        {
            return Status(PingStatus.TooManyFolders, writer => writer.WriteElement(Ping.MaxFolders, settings.MaxPingFolders));
        }

        var merged = await MergeWithLastAsync(context, request, cancellationToken);
        if (merged.Heartbeat is null || merged.Folders.Count == 0)
        {
            return Status(PingStatus.MissingParameters);
        }

        // Registered before anything is saved: a Sync or Ping that comes after the parameters are saved ends this one.
        using var registration = registry.Register(context.AccountId, context.DeviceId);
        await SaveAsync(context, merged, cancellationToken);
        var folders = await FindAsync(context, merged.Folders, cancellationToken);
        if (folders is null)
        {
            return Status(PingStatus.HierarchyChanged);
        }

        return await WaitAsync(context, folders, registration, TimeSpan.FromSeconds(merged.Heartbeat.Value), cancellationToken);
    }

    /// <summary>The watched folders, or null when one is gone; the rest of the hierarchy is not kept by the waiting Ping.</summary>
    private async Task<IReadOnlyList<EasFolder>?> FindAsync(EasContext context, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var all = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var folders = new List<EasFolder>(ids.Count);
        foreach (var id in ids)
        {
            if (all.FirstOrDefault(f => f.ServerId == id) is not { } folder)
            {
                return null;
            }

            folders.Add(folder);
        }

        return folders;
    }

    private async Task<EasResponse> WaitAsync(EasContext context, IReadOnlyList<EasFolder> folders, PingRegistry.Registration registration, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        // Subscribe first, then compare states: in the other order a change could slip in between.
        await using var watch = await watcher.WatchAsync(context.AccountId, folders.Select(f => f.Store).ToList(), cancellationToken);
        var changed = await probe.ChangedAsync(context, folders, cancellationToken);
        using var heartbeatEnd = new CancellationTokenSource(heartbeat, time);
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, registration.Superseded, heartbeatEnd.Token);
        try
        {
            while (changed.Count == 0)
            {
                var woken = await watch.WaitAsync(expiry.Token);
                var candidates = folders.Where(f => woken.Contains(f.Store)).ToList();
                changed = await probe.ChangedAsync(context, candidates, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Status(PingStatus.Expired); // the heartbeat ended, or a newer request took over
        }

        return Status(PingStatus.Changes, writer =>
        {
            writer.WriteStartElement(Ping.Folders);
            foreach (var folder in changed)
            {
                writer.WriteElement(Ping.Folder, folder.ServerId);
            }

            writer.WriteEndElement();
        });
    }

    private static PingRequest Read(WbxmlElement ping)
    {
        var folders = ping.Element(Ping.Folders)?.Elements(Ping.Folder).Select(f => f.Value(Ping.Id)).OfType<string>().ToList() ?? [];
        return new PingRequest(ping.Int(Ping.HeartbeatInterval), folders);
    }

    private async Task<PingRequest> MergeWithLastAsync(EasContext context, PingRequest request, CancellationToken cancellationToken)
    {
        if (request.Heartbeat is not null && request.Folders.Count > 0)
        {
            return request;
        }

        var last = await LoadAsync(context, cancellationToken);
        return new PingRequest(request.Heartbeat ?? last?.Heartbeat, request.Folders.Count > 0 ? request.Folders : last?.Folders ?? []);
    }

    private async Task<PingRequest?> LoadAsync(EasContext context, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT heartbeat, folders FROM ping_states WHERE account_id = $account AND device_id = $device",
            ("$account", context.AccountId), ("$device", context.DeviceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PingRequest((int)reader.GetInt64(0), JsonSerializer.Deserialize<List<string>>(reader.GetString(1)) ?? [])
            : null;
    }

    private async Task SaveAsync(EasContext context, PingRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO ping_states (account_id, device_id, heartbeat, folders) VALUES ($account, $device, $heartbeat, $folders)",
            cancellationToken,
            ("$account", context.AccountId), ("$device", context.DeviceId), ("$heartbeat", request.Heartbeat), ("$folders", JsonSerializer.Serialize(request.Folders)));
    }

    private static EasResponse Status(int status, Action<WbxmlWriter>? more = null) => EasResponse.Wbxml(writer =>
    {
        writer.WriteStartElement(Ping.PingTag);
        writer.WriteElement(Ping.Status, status);
        more?.Invoke(writer);
        writer.WriteEndElement();
    });

    private sealed record PingRequest(int? Heartbeat, IReadOnlyList<string> Folders);

    private static class PingStatus
    {
        public const int Expired = 1;
        public const int Changes = 2;
        public const int MissingParameters = 3;
        public const int SyntaxError = 4;
        public const int HeartbeatOutOfRange = 5;
        public const int TooManyFolders = 6;
        public const int HierarchyChanged = 7;
    }
}
