-- The store's own facts: its identity (part of every change state it issues) and the change sequence.
CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

INSERT INTO store_meta (key, value) VALUES ('store_id', lower(hex(randomblob(6))));

-- One sequence for every change in the store, like an IMAP MODSEQ: each change takes the next number.
CREATE TABLE sequence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
) STRICT;

INSERT INTO sequence (id, value) VALUES (1, 0);

-- What committed, for the change feeds of other processes (polled when PRAGMA data_version moves).
CREATE TABLE change_journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    source INTEGER NOT NULL,
    folder_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;

CREATE TABLE domains (
    name TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
) STRICT;

-- id is the primary address in lower case. password_hash is 'pbkdf2-sha256$iterations$salt$hash'
-- (base64), or NULL for an account that cannot sign in. credential_stamp changes with every password change.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    domain TEXT NOT NULL REFERENCES domains (name),
    local_part TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    credential_stamp TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX accounts_local_part ON accounts (local_part);
CREATE INDEX accounts_domain ON accounts (domain);

CREATE TABLE aliases (
    address TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    local_part TEXT NOT NULL
) STRICT;

CREATE INDEX aliases_account ON aliases (account_id);
CREATE INDEX aliases_local_part ON aliases (local_part);

CREATE TABLE groups (
    address TEXT PRIMARY KEY,
    domain TEXT NOT NULL REFERENCES domains (name),
    display_name TEXT NOT NULL,
    members_in_gal INTEGER NOT NULL
) STRICT;

CREATE TABLE group_members (
    group_address TEXT NOT NULL REFERENCES groups (address) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (group_address, account_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX group_members_account ON group_members (account_id);
