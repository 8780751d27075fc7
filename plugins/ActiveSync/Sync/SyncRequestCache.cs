using System.Text.Json;
using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// The last full Sync request of each device (MS-ASCMD 3.1.5.? "empty Sync"): an empty request repeats it
/// with the current keys, a Partial one names only what differs.
/// </summary>
internal sealed class SyncRequestCache(StateDatabase database, CollectionStateStore states)
{
    public async Task SaveAsync(string accountId, string deviceId, SyncRequest request, CancellationToken cancellationToken)
    {
        var cached = new Cached(request.Collections.Select(c => new CachedCollection(c.CollectionId, c.DeletesAsMoves, c.GetChanges, c.WindowSize, c.Options, c.ConversationMode)).ToList(), request.WindowSize, request.WaitSeconds);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO sync_requests (account_id, device_id, request) VALUES ($account, $device, $request)",
            cancellationToken, ("$account", accountId), ("$device", deviceId), ("$request", JsonSerializer.SerializeToUtf8Bytes(cached)));
    }

    /// <summary>The cached request with each collection at its newest key, or null when nothing is cached.</summary>
    public async Task<SyncRequest?> LoadAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            bytes = (byte[]?)await connection.ScalarAsync(
                "SELECT request FROM sync_requests WHERE account_id = $account AND device_id = $device",
                cancellationToken, ("$account", accountId), ("$device", deviceId));
        }

        if (bytes is null || JsonSerializer.Deserialize<Cached>(bytes) is not { } cached)
        {
            return null;
        }

        var collections = new List<CollectionRequest>();
        foreach (var c in cached.Collections)
        {
            var known = await states.GetAsync(new CollectionScope(accountId, deviceId, c.CollectionId), cancellationToken);
            if (known.Count > 0)
            {
                collections.Add(new CollectionRequest(known[0].Key.ToString(), c.CollectionId)
                {
                    DeletesAsMoves = c.DeletesAsMoves,
                    GetChanges = c.GetChanges,
                    WindowSize = c.WindowSize,
                    Options = c.Options,
                    HasOptions = true,
                    ConversationMode = c.ConversationMode,
                });
            }
        }

        return new SyncRequest(collections) { WindowSize = cached.WindowSize, WaitSeconds = cached.WaitSeconds };
    }

    /// <summary>A Partial request: its collections, and the cached ones it does not name.</summary>
    public static SyncRequest Merge(SyncRequest partial, SyncRequest cached)
    {
        var named = partial.Collections.Select(c => c.CollectionId).ToHashSet(StringComparer.Ordinal);
        var merged = partial.Collections
            .Select(c => !c.HasOptions && cached.Collections.FirstOrDefault(old => old.CollectionId == c.CollectionId) is { } old
                ? c with { Options = old.Options, HasOptions = true, WindowSize = c.WindowSize ?? old.WindowSize }
                : c)
            .Concat(cached.Collections.Where(c => !named.Contains(c.CollectionId)))
            .ToList();
        return partial with { Collections = merged, WindowSize = partial.WindowSize ?? cached.WindowSize, WaitSeconds = partial.WaitSeconds ?? cached.WaitSeconds };
    }

    private sealed record Cached(List<CachedCollection> Collections, int? WindowSize, int? WaitSeconds);

    private sealed record CachedCollection(string CollectionId, bool DeletesAsMoves, bool? GetChanges, int? WindowSize, SyncOptions Options, bool ConversationMode);
}
