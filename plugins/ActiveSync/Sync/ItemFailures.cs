using Microsoft.Extensions.Logging;
using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// Counts the items that fail to convert, or whose answer keeps getting lost, on a device: after a few
/// tries the item is skipped and logged, never sent forever (FIELD-NOTES 3).
/// </summary>
internal sealed class ItemFailures(StateDatabase database, ILogger<ItemFailures> logger)
{
    /// <summary>Records a failure; returns whether the item is now given up on.</summary>
    public async Task<bool> RecordAsync(CollectionScope scope, string itemId, string error, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO item_failures (account_id, device_id, collection_id, item_id, attempts, last_error) VALUES ($account, $device, $collection, $item, 1, $error)
            ON CONFLICT (account_id, device_id, collection_id, item_id) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error
            """,
            cancellationToken, scope.With(("$item", itemId), ("$error", error)));
        var attempts = (long)(await connection.ScalarAsync(
            "SELECT attempts FROM item_failures WHERE account_id = $account AND device_id = $device AND collection_id = $collection AND item_id = $item",
            cancellationToken, scope.With(("$item", itemId))))!;
        var skipped = attempts >= maxAttempts;
        if (skipped)
        {
            logger.LogWarning("Item {Item} of collection {Collection} is skipped on device {Device} of {Account} after {Attempts} failures: {Error}",
                itemId, scope.CollectionId, scope.DeviceId, scope.AccountId, attempts, error);
        }

        return skipped;
    }

    public async Task<bool> IsSkippedAsync(CollectionScope scope, string itemId, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var attempts = (long?)await connection.ScalarAsync(
            "SELECT attempts FROM item_failures WHERE account_id = $account AND device_id = $device AND collection_id = $collection AND item_id = $item",
            cancellationToken, scope.With(("$item", itemId)));
        return attempts >= maxAttempts;
    }
}
