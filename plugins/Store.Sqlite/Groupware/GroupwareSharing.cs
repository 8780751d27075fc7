using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

/// <summary>
/// Sharing, which the SDK leaves to each store: an owner shares a folder with an account, or with every account
/// of a domain (a public folder), read-only or read-write. The account then sees it with role Shared or Public.
/// </summary>
internal sealed class GroupwareSharing(StoreDatabase database)
{
    /// <summary>Shares a folder; <paramref name="grantee"/> is an account id, or <c>@domain</c> for everyone there.</summary>
    public Task ShareAsync(string ownerId, string folderId, string grantee, FolderAccess access, CancellationToken cancellationToken)
    {
        if (access == FolderAccess.Owner)
        {
            throw new ArgumentOutOfRangeException(nameof(access), "A share is read-only or read-write; ownership is not shared.");
        }

        var who = grantee.Trim().ToLowerInvariant();
        return database.WriteAsync(
            async write =>
            {
                var id = await RequireOwnedAsync(write, ownerId, folderId);
                if (who == ownerId)
                {
                    throw new InvalidItemException("A folder is not shared with its owner.");
                }

                await write.ExecuteAsync(
                    "INSERT INTO gw_shares (folder_id, grantee, access) VALUES ($folder, $grantee, $access) ON CONFLICT DO UPDATE SET access = excluded.access",
                    ("$folder", id), ("$grantee", who), ("$access", (int)access));
                write.Touch(Passerelle.Sdk.Changes.FolderSource.Groupware, folderId);
                return 0;
            },
            cancellationToken);
    }

    public Task UnshareAsync(string ownerId, string folderId, string grantee, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var id = await RequireOwnedAsync(write, ownerId, folderId);
                await write.ExecuteAsync("DELETE FROM gw_shares WHERE folder_id = $folder AND grantee = $grantee", ("$folder", id), ("$grantee", grantee.Trim().ToLowerInvariant()));
                write.Touch(Passerelle.Sdk.Changes.FolderSource.Groupware, folderId);
                return 0;
            },
            cancellationToken);

    /// <summary>Creates a folder with a role of its own: a public folder, or a directory book for the global address list.</summary>
    public Task<GroupwareFolder> CreateFolderAsync(string ownerId, GroupwareKind kind, string name, GroupwareFolderRole role, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write => (await SqliteGroupwareStore.InsertFolderAsync(write, ownerId, kind, null, name.Trim(), role)).ToFolder(),
            cancellationToken);

    private static async Task<long> RequireOwnedAsync(StoreSession session, string ownerId, string folderId) =>
        RowId.TryParse(folderId, out var id)
        && await session.ScalarAsync<long>("SELECT count(*) FROM gw_folders WHERE id = $id AND owner_id = $owner", ("$id", id), ("$owner", ownerId)) > 0
            ? id
            : throw new FolderNotFoundException($"{ownerId} owns no groupware folder {folderId}.");
}
