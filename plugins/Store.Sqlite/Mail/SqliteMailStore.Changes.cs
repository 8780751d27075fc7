using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.Changes;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Mail;

internal sealed partial class SqliteMailStore
{
    public Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async session =>
            {
                var folder = await RequireFolderAsync(session, accountId, folderId);
                return ChangeToken.Format(database.StoreId, folder.Id, folder.ModSeq);
            },
            cancellationToken);

    public Task<FolderChanges<MailMessage>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async session =>
            {
                var folder = await RequireFolderAsync(session, accountId, folderId);
                var start = ChangePage.StartOf(since, database.StoreId, folder.Id, folder.ModSeq, folder.PurgedModSeq, maxChanges);
                var window = (("$folder", (object?)folder.Id), ("$since", (object?)start), ("$limit", (object?)((long)maxChanges + 1)));
                var changed = await session.QueryAsync(
                    $"SELECT {MessageRow.Columns} FROM messages m WHERE m.folder_id = $folder AND m.modseq > $since ORDER BY m.modseq LIMIT $limit",
                    reader => MessageRow.Read(reader) is var row ? (row.Message, row.ModSeq) : default,
                    window.Item1, window.Item2, window.Item3);
                // From the beginning there is nothing to remove: a client's empty copy has none of these.
                var removed = since is null
                    ? []
                    : await session.QueryAsync(
                        "SELECT message_id, modseq FROM mail_tombstones WHERE folder_id = $folder AND modseq > $since ORDER BY modseq LIMIT $limit",
                        reader => (RowId.Format(reader.GetInt64(0)), reader.GetInt64(1)),
                        window.Item1, window.Item2, window.Item3);
                return ChangePage.Build(changed, removed, maxChanges, database.StoreId, folder.Id, folder.ModSeq);
            },
            cancellationToken);
}
