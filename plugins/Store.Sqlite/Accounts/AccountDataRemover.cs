using System.Globalization;
using Passerelle.Sdk.Changes;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>Deletes what an account owns (mail, groupware folders) and the shares granted to it, inside the removal's write.</summary>
internal sealed class AccountDataRemover
{
    public async Task RemoveAsync(StoreWrite write, string accountId)
    {
        var id = ("$id", (object?)accountId);
        foreach (var folder in await write.QueryAsync("SELECT id FROM mail_folders WHERE account_id = $id", reader => reader.GetInt64(0), id))
        {
            write.Touch(FolderSource.Mail, folder.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var blob in await write.QueryAsync(
            "SELECT DISTINCT blob FROM messages WHERE folder_id IN (SELECT id FROM mail_folders WHERE account_id = $id)", reader => reader.GetString(0), id))
        {
            write.BlobsToCheck.Add(blob);
        }

        await write.ExecuteAsync("DELETE FROM message_text WHERE rowid IN (SELECT m.id FROM messages m JOIN mail_folders f ON f.id = m.folder_id WHERE f.account_id = $id)", id);
        await write.ExecuteAsync("DELETE FROM messages WHERE folder_id IN (SELECT id FROM mail_folders WHERE account_id = $id)", id);
        await write.ExecuteAsync("DELETE FROM mail_tombstones WHERE folder_id IN (SELECT id FROM mail_folders WHERE account_id = $id)", id);
        await write.ExecuteAsync("DELETE FROM mail_folders WHERE account_id = $id", id);

        foreach (var folder in await write.QueryAsync(
            "SELECT id FROM gw_folders WHERE owner_id = $id UNION SELECT folder_id FROM gw_shares WHERE grantee = $id", reader => reader.GetInt64(0), id))
        {
            write.Touch(FolderSource.Groupware, folder.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var blob in await write.QueryAsync(
            "SELECT DISTINCT a.blob FROM gw_attachments a JOIN gw_items i ON i.id = a.item_id JOIN gw_folders f ON f.id = i.folder_id WHERE f.owner_id = $id",
            reader => reader.GetString(0), id))
        {
            write.BlobsToCheck.Add(blob);
        }

        await write.ExecuteAsync("DELETE FROM gw_shares WHERE grantee = $id", id);
        await write.ExecuteAsync("DELETE FROM gw_items WHERE folder_id IN (SELECT id FROM gw_folders WHERE owner_id = $id)", id);
        await write.ExecuteAsync("DELETE FROM gw_tombstones WHERE folder_id IN (SELECT id FROM gw_folders WHERE owner_id = $id)", id);
        await write.ExecuteAsync("DELETE FROM gw_folders WHERE owner_id = $id", id);
    }
}
