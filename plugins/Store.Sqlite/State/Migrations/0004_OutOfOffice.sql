-- settings: the SDK's OutOfOfficeSettings as JSON. period grows with every change: a sender is answered once per period.
CREATE TABLE out_of_office (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    period INTEGER NOT NULL
) STRICT;

-- The senders already answered in the account's current period (RFC 3834 2: not more than once per sender).
CREATE TABLE out_of_office_replies (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    period INTEGER NOT NULL,
    sender TEXT NOT NULL,
    PRIMARY KEY (account_id, period, sender)
) STRICT, WITHOUT ROWID;
