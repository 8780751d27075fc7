using Microsoft.Data.Sqlite;
using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// The sync state of a device's collections. Each step to a new SyncKey is recorded with the serial of
/// that key on every row it adds, removes or consumes, so that a step can be undone when the device
/// repeats the previous key (its answer was lost), and forgotten once the device shows it has it.
/// </summary>
internal sealed class CollectionStateStore(StateDatabase database, TimeProvider time)
{
    public async Task<IReadOnlyList<CollectionState>> GetAsync(CollectionScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT epoch, serial, store_state, filter_type, snapshot_done, replays FROM collection_states WHERE " + Where + " ORDER BY serial DESC",
            scope.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<CollectionState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new CollectionState(new SyncKey(reader.GetString(0), reader.GetInt64(1)), reader.TextOrNull(2), (int)reader.GetInt64(3), reader.GetInt64(4) != 0, (int)reader.GetInt64(5)));
        }

        return states;
    }

    /// <summary>SyncKey 0: forgets everything of the collection and starts a new epoch.</summary>
    public async Task<CollectionState> ResetAsync(CollectionScope scope, int filterType, CancellationToken cancellationToken)
    {
        var state = new CollectionState(SyncKey.NewEpoch(), null, filterType, false);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var table in new[] { "collection_states", "device_items", "pending_items", "item_failures" })
        {
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE {Where}", cancellationToken, scope.Parameters);
        }

        await InsertStateAsync(connection, scope, state, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return state;
    }

    /// <summary>Whether the collection is still as a reset left it: nothing sent, nothing listed (iOS's duplicate initial sync attaches to it).</summary>
    public async Task<bool> IsUntouchedAsync(CollectionScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var items = (long)(await connection.ScalarAsync($"SELECT (SELECT COUNT(*) FROM device_items WHERE {Where}) + (SELECT COUNT(*) FROM pending_items WHERE {Where})", cancellationToken, scope.Parameters))!;
        return items == 0;
    }

    /// <summary>Undoes the step to <paramref name="serial"/>: the device never received it.</summary>
    public async Task RevertAsync(CollectionScope scope, long serial, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var parameters = scope.With(("$serial", serial));
        await connection.ExecuteAsync($"DELETE FROM collection_states WHERE {Where} AND serial = $serial", cancellationToken, parameters);
        await connection.ExecuteAsync($"DELETE FROM device_items WHERE {Where} AND added_serial = $serial", cancellationToken, parameters);
        await connection.ExecuteAsync($"UPDATE device_items SET removed_serial = NULL WHERE {Where} AND removed_serial = $serial", cancellationToken, parameters);
        await connection.ExecuteAsync($"UPDATE pending_items SET consumed_serial = NULL WHERE {Where} AND consumed_serial = $serial", cancellationToken, parameters);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts a repetition of a key we already answered (our answer was lost).</summary>
    public async Task<int> CountReplayAsync(CollectionScope scope, long serial, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"UPDATE collection_states SET replays = replays + 1 WHERE {Where} AND serial = $serial", cancellationToken, scope.With(("$serial", serial)));
        return (int)(long)(await connection.ScalarAsync($"SELECT replays FROM collection_states WHERE {Where} AND serial = $serial", cancellationToken, scope.With(("$serial", serial))))!;
    }

    /// <summary>The device showed it has <paramref name="serial"/>: what came before can no longer be asked for again.</summary>
    public async Task ConfirmAsync(CollectionScope scope, long serial, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var parameters = scope.With(("$serial", serial));
        await connection.ExecuteAsync($"DELETE FROM collection_states WHERE {Where} AND serial < $serial", cancellationToken, parameters);
        await connection.ExecuteAsync($"DELETE FROM device_items WHERE {Where} AND removed_serial <= $serial", cancellationToken, parameters);
        await connection.ExecuteAsync($"DELETE FROM pending_items WHERE {Where} AND consumed_serial <= $serial", cancellationToken, parameters);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Which of these items the device holds.</summary>
    public async Task<HashSet<string>> HeldAsync(CollectionScope scope, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (itemIds.Count == 0)
        {
            return held;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in itemIds.Chunk(500))
        {
            var names = chunk.Select((_, i) => $"$i{i}").ToList();
            await using var command = connection.Command(
                $"SELECT item_id FROM device_items WHERE {Where} AND removed_serial IS NULL AND item_id IN ({string.Join(',', names)})",
                scope.With(chunk.Select((id, i) => ($"$i{i}", (object?)id)).ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                held.Add(reader.GetString(0));
            }
        }

        return held;
    }

    /// <summary>Every item the device holds (an estimate of work, a recovery listing).</summary>
    public async Task<int> HeldCountAsync(CollectionScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)(long)(await connection.ScalarAsync($"SELECT COUNT(*) FROM device_items WHERE {Where} AND removed_serial IS NULL", cancellationToken, scope.Parameters))!;
    }

    /// <summary>The items the device holds that are not among <paramref name="listed"/>.</summary>
    public async Task<IReadOnlyList<string>> HeldNotInAsync(CollectionScope scope, IReadOnlySet<string> listed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT item_id FROM device_items WHERE {Where} AND removed_serial IS NULL", scope.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var missing = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!listed.Contains(reader.GetString(0)))
            {
                missing.Add(reader.GetString(0));
            }
        }

        return missing;
    }

    /// <summary>
    /// Records that the device holds an item it got outside a Sync (the target of its own MoveItems). Serial 0
    /// is never undone: the device has the item whatever happens to the keys.
    /// </summary>
    public async Task HoldAsync(CollectionScope scope, string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO device_items (account_id, device_id, collection_id, item_id, added_serial, removed_serial) VALUES ($account, $device, $collection, $item, 0, NULL)",
            cancellationToken, scope.With(("$item", itemId)));
        await connection.ExecuteAsync($"UPDATE pending_items SET consumed_serial = 0 WHERE {Where} AND item_id = $item", cancellationToken, scope.With(("$item", itemId)));
    }

    /// <summary>Records that the device no longer holds an item (the source of its own MoveItems).</summary>
    public async Task ForgetAsync(CollectionScope scope, string itemId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"DELETE FROM device_items WHERE {Where} AND item_id = $item", cancellationToken, scope.With(("$item", itemId)));
        await connection.ExecuteAsync($"DELETE FROM pending_items WHERE {Where} AND item_id = $item", cancellationToken, scope.With(("$item", itemId)));
    }

    /// <summary>Stores the first listing of the folder as the items still to send, newest first.</summary>
    public async Task AddPendingAsync(CollectionScope scope, IReadOnlyList<(string ItemId, string SortKey)> items, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var command = connection.Command(
            $"INSERT OR REPLACE INTO pending_items (account_id, device_id, collection_id, item_id, sort_key, consumed_serial) VALUES ($account, $device, $collection, $item, $sort, NULL)",
            scope.With(("$item", ""), ("$sort", "")));
        foreach (var (itemId, sortKey) in items)
        {
            command.Parameters["$item"].Value = itemId;
            command.Parameters["$sort"].Value = sortKey;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The next items still to send, newest first.</summary>
    public async Task<IReadOnlyList<string>> NextPendingAsync(CollectionScope scope, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT item_id FROM pending_items WHERE {Where} AND consumed_serial IS NULL ORDER BY sort_key DESC LIMIT $count",
            scope.With(("$count", count)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(reader.GetString(0));
        }

        return items;
    }

    public async Task<int> PendingCountAsync(CollectionScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)(long)(await connection.ScalarAsync($"SELECT COUNT(*) FROM pending_items WHERE {Where} AND consumed_serial IS NULL", cancellationToken, scope.Parameters))!;
    }

    /// <summary>Whether items remain to send once <paramref name="consumed"/> (dealt with in this step) are set aside.</summary>
    public async Task<bool> HasPendingBesidesAsync(CollectionScope scope, IReadOnlyCollection<string> consumed, CancellationToken cancellationToken)
    {
        var next = await NextPendingAsync(scope, consumed.Count + 1, cancellationToken);
        var set = consumed as IReadOnlySet<string> ?? consumed.ToHashSet(StringComparer.Ordinal);
        return next.Any(id => !set.Contains(id));
    }

    /// <summary>Records one step: the new state and every row it touched, in one transaction.</summary>
    public async Task CommitAsync(CollectionScope scope, CollectionState state, SyncStep step, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await InsertStateAsync(connection, scope, state, cancellationToken);
        var serial = state.Key.Serial;
        await ForEachAsync(connection, scope, step.Added,
            "INSERT OR REPLACE INTO device_items (account_id, device_id, collection_id, item_id, added_serial, removed_serial) VALUES ($account, $device, $collection, $item, $serial, NULL)",
            serial, cancellationToken);
        await ForEachAsync(connection, scope, step.Removed,
            $"UPDATE device_items SET removed_serial = $serial WHERE {Where} AND item_id = $item AND removed_serial IS NULL",
            serial, cancellationToken);
        await ForEachAsync(connection, scope, step.Consumed,
            $"UPDATE pending_items SET consumed_serial = $serial WHERE {Where} AND item_id = $item AND consumed_serial IS NULL",
            serial, cancellationToken);
        await ForEachAsync(connection, scope, step.Requeued,
            "INSERT OR REPLACE INTO pending_items (account_id, device_id, collection_id, item_id, sort_key, consumed_serial) VALUES ($account, $device, $collection, $item, '~', NULL)",
            serial, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the current state forward in place when nothing was sent and nothing received: no new key is needed.</summary>
    public async Task AdvanceInPlaceAsync(CollectionScope scope, CollectionState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"UPDATE collection_states SET store_state = $state, snapshot_done = $snapshot WHERE {Where} AND serial = $serial",
            cancellationToken, scope.With(("$state", state.StoreState), ("$snapshot", state.SnapshotDone ? 1 : 0), ("$serial", state.Key.Serial)));
    }

    private async Task InsertStateAsync(SqliteConnection connection, CollectionScope scope, CollectionState state, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            "INSERT OR REPLACE INTO collection_states (account_id, device_id, collection_id, epoch, serial, store_state, filter_type, snapshot_done, replays, created_at) " +
            "VALUES ($account, $device, $collection, $epoch, $serial, $state, $filter, $snapshot, $replays, $now)",
            cancellationToken,
            scope.With(("$epoch", state.Key.Epoch), ("$serial", state.Key.Serial), ("$state", state.StoreState), ("$filter", state.FilterType),
                ("$snapshot", state.SnapshotDone ? 1 : 0), ("$replays", state.Replays), ("$now", SqliteExtensions.Text(time.GetUtcNow()))));

    private static async Task ForEachAsync(SqliteConnection connection, CollectionScope scope, IReadOnlyCollection<string> items, string sql, long serial, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        await using var command = connection.Command(sql, scope.With(("$item", ""), ("$serial", serial)));
        foreach (var item in items)
        {
            command.Parameters["$item"].Value = item;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private const string Where = "account_id = $account AND device_id = $device AND collection_id = $collection";
}

/// <summary>The account, device and collection a state belongs to.</summary>
internal readonly record struct CollectionScope(string AccountId, string DeviceId, string CollectionId)
{
    public (string Name, object? Value)[] Parameters => [("$account", AccountId), ("$device", DeviceId), ("$collection", CollectionId)];

    public (string Name, object? Value)[] With(params (string Name, object? Value)[] more) => [.. Parameters, .. more];
}

/// <summary>What one step to a new key changed on the device's side.</summary>
internal sealed class SyncStep
{
    /// <summary>Items the device now holds (sent as Add, or added by the device).</summary>
    public List<string> Added { get; } = [];

    /// <summary>Items the device no longer holds (sent as Delete, or deleted by the device).</summary>
    public List<string> Removed { get; } = [];

    /// <summary>Pending items dealt with.</summary>
    public List<string> Consumed { get; } = [];

    /// <summary>Items to send again at the next step (a refused change restores the server's version).</summary>
    public List<string> Requeued { get; } = [];

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Consumed.Count == 0 && Requeued.Count == 0;
}
