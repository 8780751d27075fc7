using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.Changes;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

internal sealed partial class SqliteGroupwareStore
{
    public Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async session =>
            {
                var folder = await RequireFolderAsync(session, accountId, folderId);
                return ChangeToken.Format(database.StoreId, folder.Id, folder.ModSeq);
            },
            cancellationToken);

    public Task<FolderChanges<GroupwareItem>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async session =>
            {
                var folder = await RequireFolderAsync(session, accountId, folderId);
                var start = ChangePage.StartOf(since, database.StoreId, folder.Id, folder.ModSeq, folder.PurgedModSeq, maxChanges);
                (string, object?)[] window = [("$folder", folder.Id), ("$since", start), ("$limit", (long)maxChanges + 1)];
                var rows = await session.QueryAsync(
                    $"SELECT {GroupwareItemRow.Columns} FROM gw_items i WHERE i.folder_id = $folder AND i.modseq > $since ORDER BY i.modseq LIMIT $limit",
                    GroupwareItemRow.Read,
                    window);
                var changed = new List<(GroupwareItem, long)>();
                foreach (var row in rows)
                {
                    changed.Add((await ReadItemAsync(session, row), row.ModSeq));
                }

                var removed = since is null
                    ? []
                    : await session.QueryAsync(
                        "SELECT item_id, modseq FROM gw_tombstones WHERE folder_id = $folder AND modseq > $since ORDER BY modseq LIMIT $limit",
                        reader => (RowId.Format(reader.GetInt64(0)), reader.GetInt64(1)),
                        window);
                return ChangePage.Build(changed, removed, maxChanges, database.StoreId, folder.Id, folder.ModSeq);
            },
            cancellationToken);
}
