using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Mail;

/// <summary>
/// Mail in <c>store.db</c> (folders, flags, envelope and full-text index) and <c>DATA/blobs/</c> (the raw MIME).
/// Every change takes the store's next sequence number; a folder's state is the sequence of its last change,
/// and a removal leaves a tombstone, so that "changes since S" is exact. The parts: folders, messages,
/// changes, search.
/// </summary>
internal sealed partial class SqliteMailStore(StoreDatabase database) : IMailStore
{
    private static async Task<MailFolderRow> RequireFolderAsync(StoreSession session, string accountId, string folderId)
    {
        var folder = RowId.TryParse(folderId, out var id)
            ? await session.SingleOrDefaultAsync(
                $"SELECT {MailFolderRow.Columns} FROM mail_folders WHERE id = $id AND account_id = $account",
                MailFolderRow.Read,
                ("$id", id), ("$account", accountId))
            : null;
        return folder ?? throw new FolderNotFoundException($"There is no mail folder {folderId} for {accountId}.");
    }

    private static async Task<MessageRow?> FindMessageAsync(StoreSession session, long folderId, string messageId) =>
        RowId.TryParse(messageId, out var id)
            ? await session.SingleOrDefaultAsync(
                $"SELECT {MessageRow.Columns} FROM messages m WHERE m.id = $id AND m.folder_id = $folder",
                MessageRow.Read,
                ("$id", id), ("$folder", folderId))
            : null;

    /// <summary>
    /// A message of one of the account's folders in a single query (a phone's sync reads thousands): null when
    /// the folder has no such message; <see cref="FolderNotFoundException"/> when the folder is not the account's.
    /// </summary>
    private static async Task<MessageRow?> FindMessageInAsync(StoreSession session, string accountId, string folderId, string messageId)
    {
        var rows = RowId.TryParse(folderId, out var folder)
            ? await session.QueryAsync(
                $"SELECT {MessageRow.Columns} FROM mail_folders f LEFT JOIN messages m ON m.folder_id = f.id AND m.id = $message "
                + "WHERE f.id = $folder AND f.account_id = $account",
                reader => reader.IsDBNull(0) ? null : MessageRow.Read(reader),
                ("$message", RowId.TryParse(messageId, out var message) ? message : -1), ("$folder", folder), ("$account", accountId))
            : [];
        return rows.Count > 0 ? rows[0] : throw new FolderNotFoundException($"There is no mail folder {folderId} for {accountId}.");
    }

    /// <summary>Records a change in a folder: its state moves to the change's sequence.</summary>
    private static async Task TouchFolderAsync(StoreWrite write, long folderId, long modseq)
    {
        await write.ExecuteAsync("UPDATE mail_folders SET modseq = $modseq WHERE id = $id", ("$modseq", modseq), ("$id", folderId));
        write.Touch(FolderSource.Mail, RowId.Format(folderId));
    }

    /// <summary>Removes a message from its folder, leaving a tombstone; the caller records the folder's new state.</summary>
    private static async Task<long> RemoveMessageAsync(StoreWrite write, long folderId, long messageId, string blob)
    {
        var modseq = write.NextModSeq();
        await write.ExecuteAsync("DELETE FROM messages WHERE id = $id", ("$id", messageId));
        await write.ExecuteAsync("DELETE FROM message_text WHERE rowid = $id", ("$id", messageId));
        await AddTombstoneAsync(write, folderId, messageId, modseq);
        write.BlobsToCheck.Add(blob);
        return modseq;
    }

    private static Task AddTombstoneAsync(StoreWrite write, long folderId, long messageId, long modseq) =>
        write.ExecuteAsync(
            "INSERT OR REPLACE INTO mail_tombstones (folder_id, message_id, modseq, removed_at) VALUES ($folder, $id, $modseq, $now)",
            ("$folder", folderId), ("$id", messageId), ("$modseq", modseq), ("$now", UnixTime.ToMilliseconds(write.Now)));
}
