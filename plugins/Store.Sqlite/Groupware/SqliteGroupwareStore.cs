using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

/// <summary>
/// Contacts, events, tasks, notes and files in <c>store.db</c>, attachments in <c>DATA/blobs/</c>, with the same
/// change tracking as mail. Accounts are identifiers only here, so groupware also works beside an IMAP mail
/// store. Parts: folders, items, attachments, changes.
/// </summary>
internal sealed partial class SqliteGroupwareStore(StoreDatabase database) : IGroupwareStore
{
    private static (string, object?)[] Viewer(string accountId)
    {
        var at = accountId.LastIndexOf('@');
        return [("$account", accountId), ("$domain", at >= 0 ? accountId[at..] : "@")];
    }

    private static async Task<GroupwareFolderRow> RequireFolderAsync(StoreSession session, string accountId, string folderId)
    {
        var folder = RowId.TryParse(folderId, out var id)
            ? await session.SingleOrDefaultAsync(
                $"SELECT * FROM ({GroupwareFolderRow.VisibleSql}) WHERE id = $id",
                GroupwareFolderRow.Read,
                [.. Viewer(accountId), ("$id", id)])
            : null;
        return folder ?? throw new FolderNotFoundException($"There is no groupware folder {folderId} for {accountId}.");
    }

    private static async Task<GroupwareFolderRow> RequireWritableAsync(StoreSession session, string accountId, string folderId)
    {
        var folder = await RequireFolderAsync(session, accountId, folderId);
        return folder.CanWrite ? folder : throw new AccessDeniedException($"The folder {folder.Name} is shared read-only with {accountId}.");
    }

    private static async Task<GroupwareItemRow?> FindItemAsync(StoreSession session, long folderId, string itemId) =>
        RowId.TryParse(itemId, out var id)
            ? await session.SingleOrDefaultAsync(
                $"SELECT {GroupwareItemRow.Columns} FROM gw_items i WHERE i.id = $id AND i.folder_id = $folder",
                GroupwareItemRow.Read,
                ("$id", id), ("$folder", folderId))
            : null;

    private static async Task<GroupwareItem> ReadItemAsync(StoreSession session, GroupwareItemRow row) =>
        GroupwareJson.Deserialize(row, await AttachmentsOfAsync(session, row.Id));

    private static async Task<IReadOnlyList<ItemAttachment>> AttachmentsOfAsync(StoreSession session, long itemId) =>
        await session.QueryAsync(
            "SELECT id, name, content_type, size, content_id FROM gw_attachments WHERE item_id = $item ORDER BY id",
            reader => new ItemAttachment(RowId.Format(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetInt64(3))
            {
                ContentId = reader.IsDBNull(4) ? null : reader.GetString(4),
            },
            ("$item", itemId));

    private static async Task TouchFolderAsync(StoreWrite write, long folderId, long modseq)
    {
        await write.ExecuteAsync("UPDATE gw_folders SET modseq = $modseq WHERE id = $id", ("$modseq", modseq), ("$id", folderId));
        write.Touch(FolderSource.Groupware, RowId.Format(folderId));
    }

    /// <summary>Marks an item changed: a new sequence, the store's time, the folder's state.</summary>
    private static async Task TouchItemAsync(StoreWrite write, long folderId, long itemId)
    {
        var modseq = write.NextModSeq();
        await write.ExecuteAsync(
            "UPDATE gw_items SET modseq = $modseq, last_modified = $now WHERE id = $id",
            ("$modseq", modseq), ("$now", UnixTime.ToMilliseconds(write.Now)), ("$id", itemId));
        await TouchFolderAsync(write, folderId, modseq);
    }

    private static async Task<long> RemoveItemAsync(StoreWrite write, long folderId, long itemId)
    {
        foreach (var blob in await write.QueryAsync("SELECT blob FROM gw_attachments WHERE item_id = $item", reader => reader.GetString(0), ("$item", itemId)))
        {
            write.BlobsToCheck.Add(blob);
        }

        var modseq = write.NextModSeq();
        await write.ExecuteAsync("DELETE FROM gw_items WHERE id = $id", ("$id", itemId));
        await AddTombstoneAsync(write, folderId, itemId, modseq);
        return modseq;
    }

    private static Task AddTombstoneAsync(StoreWrite write, long folderId, long itemId, long modseq) =>
        write.ExecuteAsync(
            "INSERT OR REPLACE INTO gw_tombstones (folder_id, item_id, modseq, removed_at) VALUES ($folder, $id, $modseq, $now)",
            ("$folder", folderId), ("$id", itemId), ("$modseq", modseq), ("$now", UnixTime.ToMilliseconds(write.Now)));
}
