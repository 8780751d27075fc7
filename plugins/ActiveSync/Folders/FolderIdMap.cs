using Microsoft.Data.Sqlite;
using Passerelle.ActiveSync.State;
using Passerelle.Sdk.Changes;

namespace Passerelle.ActiveSync.Folders;

/// <summary>
/// Gives every store folder of an account a short EAS ServerId, the same for every device and kept
/// as long as the store folder exists (FIELD-NOTES 5: a FolderSync 0 must find the same ids).
/// </summary>
internal sealed class FolderIdMap(StateDatabase database)
{
    public async Task<IReadOnlyDictionary<FolderRef, string>> AssignAsync(string accountId, IReadOnlyList<(FolderRef Store, EasClass Class)> folders, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var known = await ReadAllAsync(connection, accountId, cancellationToken);
        var missing = folders.Where(folder => !known.ContainsKey(folder.Store)).ToList();
        if (missing.Count == 0)
        {
            return known.ToDictionary(pair => pair.Key, pair => pair.Value.ServerId);
        }

        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var next = (long)(await connection.ScalarAsync("SELECT COALESCE(MAX(server_id), 0) FROM folder_ids WHERE account_id = $account", cancellationToken, ("$account", accountId)))!;
        foreach (var (store, easClass) in missing)
        {
            next++;
            await connection.ExecuteAsync(
                "INSERT OR IGNORE INTO folder_ids (account_id, server_id, source, store_id, class) VALUES ($account, $id, $source, $store, $class)",
                cancellationToken,
                ("$account", accountId), ("$id", next), ("$source", store.Source.ToString()), ("$store", store.FolderId), ("$class", easClass.ToString()));
        }

        await transaction.CommitAsync(cancellationToken);
        return (await ReadAllAsync(connection, accountId, cancellationToken)).ToDictionary(pair => pair.Key, pair => pair.Value.ServerId);
    }

    /// <summary>Keeps a folder's ServerId when its store id changes (an IMAP rename changes the path).</summary>
    public async Task RemapAsync(string accountId, FolderRef from, FolderRef to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE OR REPLACE folder_ids SET source = $toSource, store_id = $toStore WHERE account_id = $account AND source = $source AND store_id = $store",
            cancellationToken,
            ("$account", accountId), ("$source", from.Source.ToString()), ("$store", from.FolderId), ("$toSource", to.Source.ToString()), ("$toStore", to.FolderId));
    }

    /// <summary>The store folder behind a ServerId, or null when the id was never given out.</summary>
    public async Task<(FolderRef Store, EasClass Class)?> FindAsync(string accountId, string serverId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(serverId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT source, store_id, class FROM folder_ids WHERE account_id = $account AND server_id = $id",
            ("$account", accountId), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new FolderRef(Enum.Parse<FolderSource>(reader.GetString(0)), reader.GetString(1)), Enum.Parse<EasClass>(reader.GetString(2)))
            : null;
    }

    private static async Task<Dictionary<FolderRef, (string ServerId, EasClass Class)>> ReadAllAsync(SqliteConnection connection, string accountId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT server_id, source, store_id, class FROM folder_ids WHERE account_id = $account", ("$account", accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var map = new Dictionary<FolderRef, (string, EasClass)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var store = new FolderRef(Enum.Parse<FolderSource>(reader.GetString(1)), reader.GetString(2));
            map[store] = (reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<EasClass>(reader.GetString(3)));
        }

        return map;
    }
}
