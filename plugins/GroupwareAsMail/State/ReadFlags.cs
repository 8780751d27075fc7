namespace Passerelle.GroupwareAsMail.State;

/// <summary>The Read flag each device set on these messages: kept per device, since the items have none of their own.</summary>
internal sealed class ReadFlags(GroupwareMailDatabase database)
{
    public async Task<bool> IsReadAsync(string accountId, string deviceId, string folderId, string itemId, CancellationToken cancellationToken) =>
        await database.ScalarAsync(
            "SELECT item_id FROM read_flags WHERE account_id = $account AND device_id = $device AND folder_id = $folder AND item_id = $item",
            cancellationToken, ("$account", accountId), ("$device", deviceId), ("$folder", folderId), ("$item", itemId)) is not null;

    /// <summary>The items of a folder a device has read.</summary>
    public async Task<HashSet<string>> ReadInAsync(string accountId, string deviceId, string folderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id FROM read_flags WHERE account_id = $account AND device_id = $device AND folder_id = $folder";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$folder", folderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            read.Add(reader.GetString(0));
        }

        return read;
    }

    public Task SetAsync(string accountId, string deviceId, string folderId, string itemId, bool read, CancellationToken cancellationToken) =>
        read
            ? database.ExecuteAsync(
                "INSERT OR IGNORE INTO read_flags (account_id, device_id, folder_id, item_id) VALUES ($account, $device, $folder, $item)",
                cancellationToken, ("$account", accountId), ("$device", deviceId), ("$folder", folderId), ("$item", itemId))
            : database.ExecuteAsync(
                "DELETE FROM read_flags WHERE account_id = $account AND device_id = $device AND folder_id = $folder AND item_id = $item",
                cancellationToken, ("$account", accountId), ("$device", deviceId), ("$folder", folderId), ("$item", itemId));
}
