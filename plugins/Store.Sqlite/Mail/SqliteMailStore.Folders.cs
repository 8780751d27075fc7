using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Mail;

internal sealed partial class SqliteMailStore
{
    public async Task<IReadOnlyList<MailFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken)
    {
        var folders = await database.ReadAsync(session => ListFoldersAsync(session, accountId), cancellationToken);
        if (DefaultMailFolders.All.Any(special => folders.All(folder => folder.Role != special.Role)))
        {
            folders = await database.WriteAsync(
                async write =>
                {
                    if (await write.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE id = $account", ("$account", accountId)) == 0)
                    {
                        return []; // no such account: no mailbox
                    }

                    await EnsureDefaultFoldersAsync(write, accountId);
                    return await ListFoldersAsync(write, accountId);
                },
                cancellationToken);
        }

        return ParentsFirst(folders).Select(folder => folder.ToFolder()).ToList();
    }

    public async Task<MailFolder> CreateFolderAsync(string accountId, string? parentId, string name, CancellationToken cancellationToken)
    {
        var folderName = ValidName(name);
        return await database.WriteAsync(
            async write =>
            {
                var parent = parentId is null ? null : await RequireFolderAsync(write, accountId, parentId);
                await RequireFreeNameAsync(write, accountId, parent?.Id, folderName, exceptId: null);
                var id = await write.ScalarAsync<long>(
                    "INSERT INTO mail_folders (account_id, parent_id, name, role, modseq) VALUES ($account, $parent, $name, 0, $modseq) RETURNING id",
                    ("$account", accountId), ("$parent", parent?.Id), ("$name", folderName), ("$modseq", write.NextModSeq()));
                return new MailFolder(RowId.Format(id), RowId.Format(parent?.Id), folderName, MailFolderRole.None);
            },
            cancellationToken);
    }

    public async Task<MailFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken)
    {
        var folderName = ValidName(name);
        return await database.WriteAsync(
            async write =>
            {
                var folder = await RequireFolderAsync(write, accountId, folderId);
                var parent = parentId is null ? null : await RequireFolderAsync(write, accountId, parentId);
                if (folder.Role != MailFolderRole.None)
                {
                    throw new AccessDeniedException($"The {folder.Role} folder cannot be renamed or moved.");
                }

                if (parent is not null && (await SubtreeAsync(write, folder.Id)).Contains(parent.Id))
                {
                    throw new InvalidItemException("A folder cannot be moved into itself or one of its subfolders.");
                }

                await RequireFreeNameAsync(write, accountId, parent?.Id, folderName, exceptId: folder.Id);
                await write.ExecuteAsync(
                    "UPDATE mail_folders SET parent_id = $parent, name = $name WHERE id = $id",
                    ("$parent", parent?.Id), ("$name", folderName), ("$id", folder.Id));
                return new MailFolder(RowId.Format(folder.Id), RowId.Format(parent?.Id), folderName, folder.Role);
            },
            cancellationToken);
    }

    public Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireFolderAsync(write, accountId, folderId);
                if (folder.Role != MailFolderRole.None)
                {
                    throw new AccessDeniedException($"The {folder.Role} folder cannot be deleted.");
                }

                await DeleteFoldersAsync(write, await SubtreeAsync(write, folder.Id));
                return 0;
            },
            cancellationToken);

    /// <summary>Creates the special folders an account lacks; used on first use and by delivery.</summary>
    internal static async Task EnsureDefaultFoldersAsync(StoreWrite write, string accountId)
    {
        var present = await write.QueryAsync(
            "SELECT role FROM mail_folders WHERE account_id = $account AND role <> 0",
            reader => (MailFolderRole)reader.GetInt64(0),
            ("$account", accountId));
        foreach (var (role, name) in DefaultMailFolders.All.Where(special => !present.Contains(special.Role)))
        {
            // A folder the user made with this name at the top becomes the special one.
            var updated = await write.ExecuteAsync(
                "UPDATE mail_folders SET role = $role WHERE account_id = $account AND parent_id IS NULL AND name = $name AND role = 0",
                ("$role", (int)role), ("$account", accountId), ("$name", name));
            if (updated == 0)
            {
                await write.ExecuteAsync(
                    "INSERT INTO mail_folders (account_id, parent_id, name, role, modseq) VALUES ($account, NULL, $name, $role, $modseq)",
                    ("$account", accountId), ("$name", name), ("$role", (int)role), ("$modseq", write.NextModSeq()));
            }
        }
    }

    /// <summary>Deletes folders with their messages and tombstones; their states become invalid.</summary>
    internal static async Task DeleteFoldersAsync(StoreWrite write, IReadOnlyList<long> folderIds)
    {
        foreach (var id in folderIds.Reverse())
        {
            var folder = ("$folder", (object?)id);
            foreach (var blob in await write.QueryAsync("SELECT DISTINCT blob FROM messages WHERE folder_id = $folder", reader => reader.GetString(0), folder))
            {
                write.BlobsToCheck.Add(blob);
            }

            await write.ExecuteAsync("DELETE FROM message_text WHERE rowid IN (SELECT id FROM messages WHERE folder_id = $folder)", folder);
            await write.ExecuteAsync("DELETE FROM messages WHERE folder_id = $folder", folder);
            await write.ExecuteAsync("DELETE FROM mail_tombstones WHERE folder_id = $folder", folder);
            await write.ExecuteAsync("DELETE FROM mail_folders WHERE id = $folder", folder);
            write.Touch(Passerelle.Sdk.Changes.FolderSource.Mail, RowId.Format(id));
        }
    }

    /// <summary>A folder and everything under it, parents first.</summary>
    internal static async Task<IReadOnlyList<long>> SubtreeAsync(StoreSession session, long folderId) =>
        await session.QueryAsync(
            """
            WITH RECURSIVE subtree (id, depth) AS (
                SELECT $id, 0
                UNION ALL
                SELECT f.id, s.depth + 1 FROM mail_folders f JOIN subtree s ON f.parent_id = s.id
            )
            SELECT id FROM subtree ORDER BY depth
            """,
            reader => reader.GetInt64(0),
            ("$id", folderId));

    private static async Task<List<MailFolderRow>> ListFoldersAsync(StoreSession session, string accountId) =>
        await session.QueryAsync(
            $"SELECT {MailFolderRow.Columns} FROM mail_folders WHERE account_id = $account ORDER BY role = 0, role, name",
            MailFolderRow.Read,
            ("$account", accountId));

    private static IEnumerable<MailFolderRow> ParentsFirst(List<MailFolderRow> folders)
    {
        var children = folders.ToLookup(folder => folder.ParentId);
        var pending = new Queue<MailFolderRow>(children[null]);
        while (pending.TryDequeue(out var folder))
        {
            yield return folder;
            foreach (var child in children[folder.Id])
            {
                pending.Enqueue(child);
            }
        }
    }

    private static async Task RequireFreeNameAsync(StoreSession session, string accountId, long? parentId, string name, long? exceptId)
    {
        var taken = await session.ScalarAsync<long>(
            "SELECT count(*) FROM mail_folders WHERE account_id = $account AND ifnull(parent_id, 0) = ifnull($parent, 0) AND name = $name AND id <> ifnull($except, 0)",
            ("$account", accountId), ("$parent", parentId), ("$name", name), ("$except", exceptId));
        if (taken > 0)
        {
            throw new FolderExistsException($"A folder named '{name}' exists there already.");
        }
    }

    private static string ValidName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 255 || trimmed.Any(char.IsControl))
        {
            throw new InvalidItemException($"'{name}' is not a folder name: it must be 1 to 255 characters without control characters.");
        }

        return trimmed;
    }
}
