using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

/// <summary>A groupware folder as one account sees it: the row, and the access and role the account has.</summary>
internal sealed record GroupwareFolderRow(long Id, string OwnerId, long? ParentId, string Name, GroupwareKind Kind, GroupwareFolderRole Role, long ModSeq, long PurgedModSeq, FolderAccess Access)
{
    /// <summary>
    /// The folders an account sees, with its access: its own (Owner), those shared with it (Shared) and those
    /// shared with its whole domain (Public). $account and $domain ('@example.test') are the viewer.
    /// </summary>
    public const string VisibleSql =
        """
        SELECT f.id, f.owner_id, f.parent_id, f.name, f.kind, f.role, f.modseq, f.purged_modseq, 2 AS access, f.role AS seen_role
        FROM gw_folders f WHERE f.owner_id = $account
        UNION ALL
        SELECT f.id, f.owner_id, f.parent_id, f.name, f.kind, f.role, f.modseq, f.purged_modseq, max(s.access) AS access,
               CASE WHEN f.role = 5 THEN 5 WHEN max(s.grantee = $account) THEN 2 ELSE 3 END AS seen_role
        FROM gw_folders f JOIN gw_shares s ON s.folder_id = f.id
        WHERE s.grantee IN ($account, $domain) AND f.owner_id <> $account
        GROUP BY f.id
        """;

    public bool CanWrite => Access is FolderAccess.ReadWrite or FolderAccess.Owner;

    public static GroupwareFolderRow Read(SqliteDataReader reader) => new(
        reader.GetInt64("id"),
        reader.GetString("owner_id"),
        reader.GetNullableInt64("parent_id"),
        reader.GetString("name"),
        (GroupwareKind)reader.GetInt64("kind"),
        (GroupwareFolderRole)reader.GetInt64("seen_role"),
        reader.GetInt64("modseq"),
        reader.GetInt64("purged_modseq"),
        (FolderAccess)reader.GetInt64("access"));

    // A shared folder's parent is the owner's: another account sees it at the top.
    public GroupwareFolder ToFolder() =>
        new(RowId.Format(Id), Access == FolderAccess.Owner ? RowId.Format(ParentId) : null, Name, Kind, OwnerId) { Role = Role, Access = Access };
}

/// <summary>An item row: the SDK record as JSON, with what the store sets.</summary>
internal sealed record GroupwareItemRow(long Id, long FolderId, string Data, long LastModified, long ModSeq)
{
    public const string Columns = "i.id, i.folder_id, i.data, i.last_modified, i.modseq";

    public static GroupwareItemRow Read(SqliteDataReader reader) => new(
        reader.GetInt64("id"), reader.GetInt64("folder_id"), reader.GetString("data"), reader.GetInt64("last_modified"), reader.GetInt64("modseq"));
}
