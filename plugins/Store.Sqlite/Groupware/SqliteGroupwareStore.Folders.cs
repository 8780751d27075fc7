using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

internal sealed partial class SqliteGroupwareStore
{
    public async Task<IReadOnlyList<GroupwareFolder>> GetFoldersAsync(string accountId, CancellationToken cancellationToken)
    {
        var folders = await database.ReadAsync(session => ListVisibleAsync(session, accountId), cancellationToken);
        if (DefaultGroupwareFolders.All.Any(d => !folders.Any(f => f.Access == FolderAccess.Owner && f.Kind == d.Kind && f.Role == d.Role)))
        {
            folders = await database.WriteAsync(
                async write =>
                {
                    await EnsureDefaultFoldersAsync(write, accountId);
                    return await ListVisibleAsync(write, accountId);
                },
                cancellationToken);
        }

        return folders.Select(folder => folder.ToFolder()).ToList();
    }

    public async Task<GroupwareFolder> CreateFolderAsync(string accountId, GroupwareKind kind, string? parentId, string name, CancellationToken cancellationToken)
    {
        var folderName = ValidName(name);
        return await database.WriteAsync(
            async write => (await InsertFolderAsync(write, accountId, kind, parentId, folderName, GroupwareFolderRole.Personal)).ToFolder(),
            cancellationToken);
    }

    public async Task<GroupwareFolder> UpdateFolderAsync(string accountId, string folderId, string? parentId, string name, CancellationToken cancellationToken)
    {
        var folderName = ValidName(name);
        return await database.WriteAsync(
            async write =>
            {
                var folder = await RequireOwnedChangeableAsync(write, accountId, folderId);
                var parent = parentId is null ? null : await RequireParentAsync(write, accountId, parentId, folder.Kind);
                if (parent is not null && (await SubtreeAsync(write, folder.Id)).Contains(parent.Id))
                {
                    throw new InvalidItemException("A folder cannot be moved into itself or one of its subfolders.");
                }

                await RequireFreeNameAsync(write, accountId, folder.Kind, parent?.Id, folderName, folder.Id);
                await write.ExecuteAsync("UPDATE gw_folders SET parent_id = $parent, name = $name WHERE id = $id", ("$parent", parent?.Id), ("$name", folderName), ("$id", folder.Id));
                return (folder with { ParentId = parent?.Id, Name = folderName }).ToFolder();
            },
            cancellationToken);
    }

    public Task DeleteFolderAsync(string accountId, string folderId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireOwnedChangeableAsync(write, accountId, folderId);
                foreach (var id in (await SubtreeAsync(write, folder.Id)).Reverse())
                {
                    var parameter = ("$folder", (object?)id);
                    foreach (var blob in await write.QueryAsync("SELECT a.blob FROM gw_attachments a JOIN gw_items i ON i.id = a.item_id WHERE i.folder_id = $folder", reader => reader.GetString(0), parameter))
                    {
                        write.BlobsToCheck.Add(blob);
                    }

                    await write.ExecuteAsync("DELETE FROM gw_items WHERE folder_id = $folder", parameter);
                    await write.ExecuteAsync("DELETE FROM gw_tombstones WHERE folder_id = $folder", parameter);
                    await write.ExecuteAsync("DELETE FROM gw_folders WHERE id = $folder", parameter);
                    write.Touch(Passerelle.Sdk.Changes.FolderSource.Groupware, RowId.Format(id));
                }

                return 0;
            },
            cancellationToken);

    /// <summary>Creates a folder of an account's own with a role (administration: public and directory folders).</summary>
    internal static async Task<GroupwareFolderRow> InsertFolderAsync(StoreWrite write, string ownerId, GroupwareKind kind, string? parentId, string name, GroupwareFolderRole role)
    {
        var parent = parentId is null ? null : await RequireParentAsync(write, ownerId, parentId, kind);
        await RequireFreeNameAsync(write, ownerId, kind, parent?.Id, name, exceptId: null);
        var modseq = write.NextModSeq();
        var id = await write.ScalarAsync<long>(
            "INSERT INTO gw_folders (owner_id, parent_id, name, kind, role, modseq) VALUES ($owner, $parent, $name, $kind, $role, $modseq) RETURNING id",
            ("$owner", ownerId), ("$parent", parent?.Id), ("$name", name), ("$kind", (int)kind), ("$role", (int)role), ("$modseq", modseq));
        return new GroupwareFolderRow(id, ownerId, parent?.Id, name, kind, role, modseq, 0, FolderAccess.Owner);
    }

    internal static async Task EnsureDefaultFoldersAsync(StoreWrite write, string ownerId)
    {
        var present = await write.QueryAsync(
            "SELECT kind, role FROM gw_folders WHERE owner_id = $owner AND role IN (0, 4)",
            reader => ((GroupwareKind)reader.GetInt64(0), (GroupwareFolderRole)reader.GetInt64(1)),
            ("$owner", ownerId));
        foreach (var (kind, role, name) in DefaultGroupwareFolders.All.Where(d => !present.Contains((d.Kind, d.Role))))
        {
            var free = await write.ScalarAsync<long>(
                "SELECT count(*) FROM gw_folders WHERE owner_id = $owner AND kind = $kind AND parent_id IS NULL AND name = $name",
                ("$owner", ownerId), ("$kind", (int)kind), ("$name", name)) == 0;
            await InsertFolderAsync(write, ownerId, kind, null, free ? name : $"{name} ({kind})", role);
        }
    }

    private static async Task<List<GroupwareFolderRow>> ListVisibleAsync(StoreSession session, string accountId) =>
        await session.QueryAsync($"SELECT * FROM ({GroupwareFolderRow.VisibleSql}) ORDER BY access DESC, kind, seen_role, name", GroupwareFolderRow.Read, Viewer(accountId));

    private static async Task<GroupwareFolderRow> RequireOwnedChangeableAsync(StoreSession session, string accountId, string folderId)
    {
        var folder = await RequireFolderAsync(session, accountId, folderId);
        if (folder.Access != FolderAccess.Owner)
        {
            throw new AccessDeniedException($"Only its owner can rename, move or delete the folder {folder.Name}.");
        }

        return folder.Role is GroupwareFolderRole.Default or GroupwareFolderRole.CollectedAddresses
            ? throw new AccessDeniedException($"The default folder {folder.Name} cannot be renamed, moved or deleted.")
            : folder;
    }

    private static async Task<GroupwareFolderRow> RequireParentAsync(StoreSession session, string ownerId, string parentId, GroupwareKind kind)
    {
        var parent = await RequireFolderAsync(session, ownerId, parentId);
        return parent.Access == FolderAccess.Owner && parent.Kind == kind
            ? parent
            : throw new InvalidItemException("A folder's parent must be a folder of the same kind that the account owns.");
    }

    private static async Task<IReadOnlyList<long>> SubtreeAsync(StoreSession session, long folderId) =>
        await session.QueryAsync(
            """
            WITH RECURSIVE subtree (id, depth) AS (
                SELECT $id, 0
                UNION ALL
                SELECT f.id, s.depth + 1 FROM gw_folders f JOIN subtree s ON f.parent_id = s.id
            )
            SELECT id FROM subtree ORDER BY depth
            """,
            reader => reader.GetInt64(0),
            ("$id", folderId));

    private static async Task RequireFreeNameAsync(StoreSession session, string ownerId, GroupwareKind kind, long? parentId, string name, long? exceptId)
    {
        var taken = await session.ScalarAsync<long>(
            "SELECT count(*) FROM gw_folders WHERE owner_id = $owner AND kind = $kind AND ifnull(parent_id, 0) = ifnull($parent, 0) AND name = $name AND id <> ifnull($except, 0)",
            ("$owner", ownerId), ("$kind", (int)kind), ("$parent", parentId), ("$name", name), ("$except", exceptId));
        if (taken > 0)
        {
            throw new FolderExistsException($"A folder named '{name}' exists there already.");
        }
    }

    private static string ValidName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is > 0 and <= 255 && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new InvalidItemException($"'{name}' is not a folder name: it must be 1 to 255 characters without control characters.");
    }
}
