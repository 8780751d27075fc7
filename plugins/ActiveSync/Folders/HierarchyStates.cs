using System.Text.Json;
using Passerelle.ActiveSync.State;
using Passerelle.ActiveSync.Sync;

namespace Passerelle.ActiveSync.Folders;

/// <summary>
/// The folder list a device was given at each FolderSync key. The newest and the one before are kept:
/// a device that lost our answer repeats the older key and gets a consistent one.
/// </summary>
internal sealed class HierarchyStates(StateDatabase database)
{
    public async Task<(SyncKey Key, IReadOnlyList<HierarchyEntry> Folders)?> FindAsync(string accountId, string deviceId, SyncKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT folders FROM hierarchy_states WHERE account_id = $account AND device_id = $device AND sync_key = $key",
            ("$account", accountId), ("$device", deviceId), ("$key", key.ToString()));
        var json = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return json is null ? null : (key, JsonSerializer.Deserialize<List<HierarchyEntry>>(json)!);
    }

    /// <summary>The newest key of the device, if any.</summary>
    public async Task<SyncKey?> LatestAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var text = (string?)await connection.ScalarAsync(
            "SELECT sync_key FROM hierarchy_states WHERE account_id = $account AND device_id = $device ORDER BY serial DESC LIMIT 1",
            cancellationToken, ("$account", accountId), ("$device", deviceId));
        return SyncKey.TryParse(text, out var key) ? key : null;
    }

    /// <summary>Saves the folders sent with a new key and forgets every key but it and <paramref name="keep"/>.</summary>
    public async Task SaveAsync(string accountId, string deviceId, SyncKey key, IReadOnlyList<HierarchyEntry> folders, SyncKey? keep, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await connection.ExecuteAsync(
            "DELETE FROM hierarchy_states WHERE account_id = $account AND device_id = $device AND sync_key NOT IN ($keep, $key)",
            cancellationToken, ("$account", accountId), ("$device", deviceId), ("$keep", keep?.ToString() ?? ""), ("$key", key.ToString()));
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO hierarchy_states (account_id, device_id, sync_key, serial, folders) VALUES ($account, $device, $key, $serial, $folders)",
            cancellationToken,
            ("$account", accountId), ("$device", deviceId), ("$key", key.ToString()), ("$serial", key.Serial), ("$folders", JsonSerializer.Serialize(folders)));
        await transaction.CommitAsync(cancellationToken);
    }
}
