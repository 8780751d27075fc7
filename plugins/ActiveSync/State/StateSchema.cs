namespace Passerelle.ActiveSync.State;

/// <summary>The schema of activesync.db, as numbered migrations (PRAGMA user_version counts those applied).</summary>
internal static class StateSchema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE devices (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            device_type TEXT NOT NULL,
            user_agent TEXT,
            protocol_version TEXT,
            model TEXT,
            imei TEXT,
            friendly_name TEXT,
            os TEXT,
            os_language TEXT,
            phone_number TEXT,
            mobile_operator TEXT,
            first_sync TEXT NOT NULL,
            last_sync TEXT NOT NULL,
            last_command TEXT,
            access_state TEXT NOT NULL DEFAULT 'allowed',
            policy_key INTEGER,
            pending_policy_key INTEGER,
            policy_hash TEXT,
            policy_status TEXT,
            policy_acked_at TEXT,
            wipe_status TEXT,
            wipe_account_only INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (account_id, device_id)
        );

        -- EAS folder ServerIds, stable per account whatever the device: a FolderSync 0 keeps them.
        CREATE TABLE folder_ids (
            account_id TEXT NOT NULL,
            server_id INTEGER NOT NULL,
            source TEXT NOT NULL,
            store_id TEXT NOT NULL,
            class TEXT NOT NULL,
            PRIMARY KEY (account_id, server_id),
            UNIQUE (account_id, source, store_id)
        );

        -- The hierarchy a device was given at each FolderSync key (current and previous, for replays).
        CREATE TABLE hierarchy_states (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            sync_key TEXT NOT NULL,
            serial INTEGER NOT NULL,
            folders TEXT NOT NULL,
            PRIMARY KEY (account_id, device_id, sync_key)
        );

        -- A collection's state at each SyncKey: the current one and the one before, for replays.
        CREATE TABLE collection_states (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            collection_id TEXT NOT NULL,
            epoch TEXT NOT NULL,
            serial INTEGER NOT NULL,
            store_state TEXT,
            filter_type INTEGER NOT NULL DEFAULT 0,
            snapshot_done INTEGER NOT NULL DEFAULT 0,
            replays INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            PRIMARY KEY (account_id, device_id, collection_id, serial)
        );

        -- What each device holds of each collection; rows carry the serial that added or removed them,
        -- so that the step to the newest key can be undone when the device replays the key before.
        CREATE TABLE device_items (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            collection_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            added_serial INTEGER NOT NULL,
            removed_serial INTEGER,
            PRIMARY KEY (account_id, device_id, collection_id, item_id)
        );

        -- Items of an initial (or recovery) listing still to send, newest first.
        CREATE TABLE pending_items (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            collection_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            consumed_serial INTEGER,
            PRIMARY KEY (account_id, device_id, collection_id, item_id)
        );
        CREATE INDEX pending_order ON pending_items (account_id, device_id, collection_id, consumed_serial, sort_key);

        -- Items a device added, by its ClientId, so that a replayed Add is not added twice.
        CREATE TABLE client_adds (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            collection_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (account_id, device_id, collection_id, client_id)
        );

        -- Items that failed to convert or kept failing on a device: skipped after a few tries.
        CREATE TABLE item_failures (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            collection_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT,
            PRIMARY KEY (account_id, device_id, collection_id, item_id)
        );

        -- The last full Sync request of a device, for empty and partial Sync requests (12.1+).
        CREATE TABLE sync_requests (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            request BLOB NOT NULL,
            PRIMARY KEY (account_id, device_id)
        );

        -- The last Ping parameters of a device, for the empty Ping.
        CREATE TABLE ping_states (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            heartbeat INTEGER NOT NULL,
            folders TEXT NOT NULL,
            PRIMARY KEY (account_id, device_id)
        );

        -- ClientIds of messages already sent (SendMail, SmartReply, SmartForward), so a resend is not sent twice.
        CREATE TABLE sent_messages (
            account_id TEXT NOT NULL,
            client_id TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (account_id, client_id)
        );

        -- Protocol logging, switched on per user or per device, and what it kept.
        CREATE TABLE protocol_log_switches (
            scope TEXT NOT NULL PRIMARY KEY
        );
        CREATE TABLE protocol_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            at TEXT NOT NULL,
            entry TEXT NOT NULL
        );
        CREATE INDEX protocol_log_device ON protocol_log (account_id, device_id, id);
        """,
        // 2: device management: why a device has its access state, wipe requests, access rules,
        // policy and device settings per level, admin grants, and wipe history.
        """
        ALTER TABLE devices ADD COLUMN enable_outbound_sms TEXT;
        ALTER TABLE devices ADD COLUMN access_set_by TEXT NOT NULL DEFAULT 'rule';
        ALTER TABLE devices ADD COLUMN access_reason TEXT;
        ALTER TABLE devices ADD COLUMN wipe_requested_at TEXT;
        ALTER TABLE devices ADD COLUMN wipe_requested_by TEXT;
        ALTER TABLE devices ADD COLUMN policy_notice_hash TEXT;
        CREATE INDEX devices_by_device ON devices (device_id);

        -- Access rules of the server, a domain or a user; the global rule is a server setting.
        CREATE TABLE access_rules (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            scope TEXT NOT NULL,
            match_by TEXT,
            match_value TEXT,
            action TEXT NOT NULL,
            description TEXT,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );

        -- Server-wide settings kept by the administration commands (the global access rule).
        CREATE TABLE server_settings (
            name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        );

        -- Policy settings and per-device settings customised at a level (default, server, domain:D, user:U, device:ID).
        CREATE TABLE level_settings (
            kind TEXT NOT NULL,
            level TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (kind, level, name)
        );

        -- Accounts granted the administrator role here, whatever their store says.
        CREATE TABLE admin_grants (
            account_id TEXT NOT NULL PRIMARY KEY,
            granted_at TEXT NOT NULL
        );

        -- Remote wipes that were carried out or given up: the device itself is gone from the list.
        CREATE TABLE wipe_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            device_type TEXT NOT NULL,
            model TEXT,
            account_only INTEGER NOT NULL,
            requested_at TEXT,
            requested_by TEXT,
            status TEXT NOT NULL,
            done_at TEXT NOT NULL
        );
        """,
    ];
}
