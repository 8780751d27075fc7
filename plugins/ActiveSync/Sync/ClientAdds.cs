using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Sync;

/// <summary>Items a device added, by ClientId: a replayed Add gets the same ServerId and is not added twice (FIELD-NOTES 1).</summary>
internal sealed class ClientAdds(StateDatabase database, TimeProvider time)
{
    public async Task<string?> FindAsync(CollectionScope scope, string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (string?)await connection.ScalarAsync(
            "SELECT item_id FROM client_adds WHERE account_id = $account AND device_id = $device AND collection_id = $collection AND client_id = $client",
            cancellationToken, scope.With(("$client", clientId)));
    }

    public async Task RecordAsync(CollectionScope scope, string clientId, string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO client_adds (account_id, device_id, collection_id, client_id, item_id, created_at) VALUES ($account, $device, $collection, $client, $item, $now)",
            cancellationToken, scope.With(("$client", clientId), ("$item", itemId), ("$now", SqliteExtensions.Text(time.GetUtcNow()))));
    }
}
