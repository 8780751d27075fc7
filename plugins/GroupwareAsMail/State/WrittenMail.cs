using Microsoft.Data.Sqlite;

namespace Passerelle.GroupwareAsMail.State;

/// <summary>
/// What WriteToImap wrote: the mail folder of each view folder, and the message of each item with the version
/// it was built from. Kept across restarts, so that a written message is replaced, never written twice.
/// </summary>
internal sealed class WrittenMail(GroupwareMailDatabase database)
{
    /// <summary>The accounts something was written for.</summary>
    public Task<List<string>> AccountsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT DISTINCT account_id FROM written_folders", reader => reader.GetString(0), cancellationToken);

    /// <summary>The mail folder of each view folder of an account, by view folder.</summary>
    public async Task<Dictionary<string, string>> FoldersAsync(string accountId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT view_id, mail_folder_id FROM written_folders WHERE account_id = $account",
            reader => (View: reader.GetString(0), Mail: reader.GetString(1)),
            cancellationToken,
            ("$account", accountId)))
        .ToDictionary(row => row.View, row => row.Mail, StringComparer.Ordinal);

    public Task SetFolderAsync(string accountId, string viewId, string mailFolderId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO written_folders (account_id, view_id, mail_folder_id) VALUES ($account, $view, $mail)
            ON CONFLICT (account_id, view_id) DO UPDATE SET mail_folder_id = excluded.mail_folder_id
            """,
            cancellationToken, ("$account", accountId), ("$view", viewId), ("$mail", mailFolderId));

    /// <summary>Forgets a view folder and its messages.</summary>
    public async Task RemoveFolderAsync(string accountId, string viewId, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync("DELETE FROM written_messages WHERE account_id = $account AND view_id = $view", cancellationToken, ("$account", accountId), ("$view", viewId));
        await database.ExecuteAsync("DELETE FROM written_folders WHERE account_id = $account AND view_id = $view", cancellationToken, ("$account", accountId), ("$view", viewId));
    }

    /// <summary>The written message of each item of a view folder, by item.</summary>
    public async Task<Dictionary<string, WrittenMessage>> MessagesAsync(string accountId, string viewId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT item_id, version, message_id FROM written_messages WHERE account_id = $account AND view_id = $view",
            reader => (Item: reader.GetString(0), Message: new WrittenMessage(reader.GetString(1), reader.GetString(2))),
            cancellationToken,
            ("$account", accountId),
            ("$view", viewId)))
        .ToDictionary(row => row.Item, row => row.Message, StringComparer.Ordinal);

    public Task SetMessageAsync(string accountId, string viewId, string itemId, WrittenMessage message, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO written_messages (account_id, view_id, item_id, version, message_id) VALUES ($account, $view, $item, $version, $message)
            ON CONFLICT (account_id, view_id, item_id) DO UPDATE SET version = excluded.version, message_id = excluded.message_id
            """,
            cancellationToken, ("$account", accountId), ("$view", viewId), ("$item", itemId), ("$version", message.Version), ("$message", message.MessageId));

    public Task RemoveMessageAsync(string accountId, string viewId, string itemId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "DELETE FROM written_messages WHERE account_id = $account AND view_id = $view AND item_id = $item",
            cancellationToken, ("$account", accountId), ("$view", viewId), ("$item", itemId));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

/// <summary>A message written for an item.</summary>
/// <param name="Version">A digest of the item it was built from.</param>
/// <param name="MessageId">Its identifier in the mail store.</param>
internal sealed record WrittenMessage(string Version, string MessageId);
