using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Changes;

/// <summary>
/// Forgets removals older than the retention (<c>TombstoneRetention</c>, 60 days by default). Each folder
/// remembers the newest sequence it forgot; a change state older than that has expired, because the
/// removals it would need are gone (<see cref="Passerelle.Sdk.Errors.ChangeStateExpiredException"/>).
/// </summary>
internal static class TombstonePurger
{
    public static async Task PurgeAsync(StoreWrite write, TimeSpan retention)
    {
        var cutoff = ("$cutoff", (object?)UnixTime.ToMilliseconds(write.Now - retention));
        foreach (var (folders, tombstones, folderColumn) in new[] { ("mail_folders", "mail_tombstones", "folder_id"), ("gw_folders", "gw_tombstones", "folder_id") })
        {
            await write.ExecuteAsync(
                $"""
                UPDATE {folders}
                SET purged_modseq = max(purged_modseq, (SELECT max(t.modseq) FROM {tombstones} t WHERE t.{folderColumn} = {folders}.id AND t.removed_at < $cutoff))
                WHERE id IN (SELECT {folderColumn} FROM {tombstones} WHERE removed_at < $cutoff)
                """,
                cutoff);
            await write.ExecuteAsync($"DELETE FROM {tombstones} WHERE removed_at < $cutoff", cutoff);
        }
    }
}
