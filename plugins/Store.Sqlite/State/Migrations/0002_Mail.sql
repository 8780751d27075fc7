-- Mail folders of each account. modseq is the sequence of the folder's last change (its change state);
-- tombstones at or below purged_modseq were purged, so older states have expired.
CREATE TABLE mail_folders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    parent_id INTEGER REFERENCES mail_folders (id),
    name TEXT NOT NULL COLLATE NOCASE,
    role INTEGER NOT NULL,
    modseq INTEGER NOT NULL,
    purged_modseq INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE UNIQUE INDEX mail_folders_name ON mail_folders (account_id, ifnull(parent_id, 0), name);
CREATE UNIQUE INDEX mail_folders_role ON mail_folders (account_id, role) WHERE role <> 0;

-- One row per message in a folder; the MIME is the blob file named by its SHA-256. modseq is the
-- sequence of the message's last change; the envelope columns are indexed from the headers with MimeKit.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    folder_id INTEGER NOT NULL REFERENCES mail_folders (id),
    blob TEXT NOT NULL,
    size INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    keywords TEXT,
    follow_up TEXT,
    last_verb TEXT,
    subject TEXT,
    from_list TEXT,
    to_list TEXT,
    cc_list TEXT,
    sent_at INTEGER,
    message_id TEXT,
    modseq INTEGER NOT NULL
) STRICT;

CREATE INDEX messages_folder_modseq ON messages (folder_id, modseq);
CREATE INDEX messages_folder_received ON messages (folder_id, received_at);
CREATE INDEX messages_blob ON messages (blob);

-- A message that left a folder (deleted, or moved out) at sequence modseq.
CREATE TABLE mail_tombstones (
    folder_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    modseq INTEGER NOT NULL,
    removed_at INTEGER NOT NULL,
    PRIMARY KEY (folder_id, message_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX mail_tombstones_modseq ON mail_tombstones (folder_id, modseq);
CREATE INDEX mail_tombstones_removed_at ON mail_tombstones (removed_at);

-- Full-text index of subject, sender and the start of the body text; rowid = messages.id.
CREATE VIRTUAL TABLE message_text USING fts5 (
    subject, sender, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
