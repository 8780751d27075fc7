-- Groupware folders, owned by one account and shared with others through gw_shares.
CREATE TABLE gw_folders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id TEXT NOT NULL,
    parent_id INTEGER REFERENCES gw_folders (id),
    name TEXT NOT NULL COLLATE NOCASE,
    kind INTEGER NOT NULL,
    role INTEGER NOT NULL,
    modseq INTEGER NOT NULL,
    purged_modseq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX gw_folders_name ON gw_folders (owner_id, kind, ifnull(parent_id, 0), name);
CREATE UNIQUE INDEX gw_folders_default ON gw_folders (owner_id, kind) WHERE role = 0;

-- grantee: an account id, or '@domain' for every account of a domain (a public folder). access: FolderAccess.
CREATE TABLE gw_shares (
    folder_id INTEGER NOT NULL REFERENCES gw_folders (id) ON DELETE CASCADE,
    grantee TEXT NOT NULL,
    access INTEGER NOT NULL,
    PRIMARY KEY (folder_id, grantee)
) STRICT, WITHOUT ROWID;

CREATE INDEX gw_shares_grantee ON gw_shares (grantee);

-- data: the SDK record as JSON (System.Text.Json, polymorphic on "kind"), without its attachments.
CREATE TABLE gw_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    folder_id INTEGER NOT NULL REFERENCES gw_folders (id),
    uid TEXT NOT NULL,
    data TEXT NOT NULL,
    last_modified INTEGER NOT NULL,
    modseq INTEGER NOT NULL
) STRICT;

CREATE INDEX gw_items_folder_modseq ON gw_items (folder_id, modseq);
CREATE INDEX gw_items_uid ON gw_items (uid);

CREATE TABLE gw_attachments (
    item_id INTEGER NOT NULL REFERENCES gw_items (id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    blob TEXT NOT NULL,
    content_id TEXT,
    PRIMARY KEY (item_id, id)
) STRICT, WITHOUT ROWID;

CREATE INDEX gw_attachments_blob ON gw_attachments (blob);

CREATE TABLE gw_tombstones (
    folder_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    modseq INTEGER NOT NULL,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (folder_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX gw_tombstones_modseq ON gw_tombstones (folder_id, modseq);
CREATE INDEX gw_tombstones_removed_at ON gw_tombstones (removed_at);
