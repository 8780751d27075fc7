using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

internal sealed partial class SqliteGroupwareStore
{
    public Task<GroupwareItem?> GetItemAsync(string accountId, string folderId, string itemId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async session =>
            {
                var folder = await RequireFolderAsync(session, accountId, folderId);
                return await FindItemAsync(session, folder.Id, itemId) is { } row ? await ReadItemAsync(session, row) : null;
            },
            cancellationToken);

    public Task<GroupwareItem> CreateItemAsync(string accountId, string folderId, GroupwareItem item, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireWritableAsync(write, accountId, folderId);
                RequireKind(folder, item);
                var stored = item with { Uid = string.IsNullOrWhiteSpace(item.Uid) ? Guid.NewGuid().ToString() : item.Uid };
                var modseq = write.NextModSeq();
                var id = await write.ScalarAsync<long>(
                    "INSERT INTO gw_items (folder_id, uid, data, last_modified, modseq) VALUES ($folder, $uid, $data, $now, $modseq) RETURNING id",
                    ("$folder", folder.Id), ("$uid", stored.Uid), ("$data", GroupwareJson.Serialize(stored)),
                    ("$now", UnixTime.ToMilliseconds(write.Now)), ("$modseq", modseq));
                await TouchFolderAsync(write, folder.Id, modseq);
                return await ReadItemAsync(write, (await FindItemAsync(write, folder.Id, RowId.Format(id)))!);
            },
            cancellationToken);

    public Task<GroupwareItem> UpdateItemAsync(string accountId, string folderId, GroupwareItem item, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireWritableAsync(write, accountId, folderId);
                var row = await FindItemAsync(write, folder.Id, item.Id)
                    ?? throw new ItemNotFoundException($"There is no item {item.Id} in folder {folderId}.");
                RequireKind(folder, item);
                var current = await ReadItemAsync(write, row);
                var stored = item with { Uid = string.IsNullOrWhiteSpace(item.Uid) ? current.Uid : item.Uid };
                await write.ExecuteAsync(
                    "UPDATE gw_items SET uid = $uid, data = $data WHERE id = $id",
                    ("$uid", stored.Uid), ("$data", GroupwareJson.Serialize(stored)), ("$id", row.Id));
                await TouchItemAsync(write, folder.Id, row.Id);
                return await ReadItemAsync(write, (await FindItemAsync(write, folder.Id, item.Id))!);
            },
            cancellationToken);

    public Task DeleteItemAsync(string accountId, string folderId, string itemId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireWritableAsync(write, accountId, folderId);
                if (await FindItemAsync(write, folder.Id, itemId) is { } row)
                {
                    await TouchFolderAsync(write, folder.Id, await RemoveItemAsync(write, folder.Id, row.Id));
                }

                return 0;
            },
            cancellationToken);

    // The item keeps its identifier in the target folder; the source records its removal.
    public Task<string> MoveItemAsync(string accountId, string folderId, string itemId, string targetFolderId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var source = await RequireWritableAsync(write, accountId, folderId);
                var target = await RequireWritableAsync(write, accountId, targetFolderId);
                var row = await FindItemAsync(write, source.Id, itemId)
                    ?? throw new ItemNotFoundException($"There is no item {itemId} in folder {folderId}.");
                if (source.Kind != target.Kind)
                {
                    throw new InvalidItemException($"A {source.Kind} item cannot go into a {target.Kind} folder.");
                }

                if (source.Id == target.Id)
                {
                    return itemId;
                }

                var removed = write.NextModSeq();
                await AddTombstoneAsync(write, source.Id, row.Id, removed);
                await TouchFolderAsync(write, source.Id, removed);
                await write.ExecuteAsync("UPDATE gw_items SET folder_id = $target WHERE id = $id", ("$target", target.Id), ("$id", row.Id));
                await write.ExecuteAsync("DELETE FROM gw_tombstones WHERE folder_id = $target AND item_id = $id", ("$target", target.Id), ("$id", row.Id));
                await TouchItemAsync(write, target.Id, row.Id);
                return RowId.Format(row.Id);
            },
            cancellationToken);

    private static void RequireKind(GroupwareFolderRow folder, GroupwareItem item)
    {
        if (item.Kind != folder.Kind)
        {
            throw new InvalidItemException($"A {item.Kind} item cannot go into the {folder.Kind} folder {folder.Name}.");
        }
    }
}
