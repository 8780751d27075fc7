using System.Collections.Concurrent;
using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Mail;
using Passerelle.Store.Imap.State;

namespace Passerelle.Store.Imap.Changes;

/// <summary>
/// Change tracking for servers without CONDSTORE/QRESYNC: each read lists the folder's UIDs and flags
/// (one FETCH 1:* (UID FLAGS)), diffs them against a snapshot kept in the plugin's SQLite file, and gives
/// every difference a version number of its own; changes and removals (tombstones) are then paged by
/// (version, UID) exactly. Each read costs a pass over the folder's flags, and the snapshot belongs to this
/// node: several nodes in front of such a server each keep their own (see docs/decisions.md).
/// </summary>
internal sealed class SnapshotChangeReader(ImapStateDatabase database, ImapOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string, string), SemaphoreSlim> _locks = new();

    public async Task<ChangeState> CurrentAsync(string accountId, ImapFolder folder, CancellationToken cancellationToken)
    {
        var version = await SyncAsync(accountId, folder, cancellationToken);
        return ChangeToken.Make(ChangeToken.Snapshot, folder.UidValidity, version.Version, 0);
    }

    public async Task<FolderChanges<MailMessage>> ReadAsync(string accountId, ImapFolder folder, ChangeToken? since, int max, CancellationToken cancellationToken)
    {
        var snapshot = await SyncAsync(accountId, folder, cancellationToken);
        var (version, uid) = (0ul, 0u);
        if (since is { } token)
        {
            token.Check(folder.UidValidity, ChangeToken.Snapshot);
            (version, uid) = (token[0], (uint)token[1]);
            if (version < snapshot.Floor)
            {
                throw new ChangeStateExpiredException("The change state is older than the removals the IMAP store keeps: list the folder again.");
            }
        }

        var rows = await ReadRowsAsync(accountId, folder.FullName, version, uid, aliveOnly: since is null, max + 1, cancellationToken);
        var more = rows.Count > max;
        var page = rows.Take(max).ToList();
        var messages = await MessageFetcher.FetchAsync(folder, page.Where(row => !row.Removed).Select(row => new UniqueId(row.Uid)).ToList(), cancellationToken);
        var removed = page.Where(row => row.Removed).Select(row => row.Uid.ToString(CultureInfo.InvariantCulture)).ToList();
        var state = more
            ? ChangeToken.Make(ChangeToken.Snapshot, folder.UidValidity, page[^1].Version, page[^1].Uid)
            : ChangeToken.Make(ChangeToken.Snapshot, folder.UidValidity, snapshot.Version, 0);
        return new(messages, removed, state, more);
    }

    /// <summary>Forgets a folder's snapshot (the folder was deleted or renamed through the store).</summary>
    public async Task ForgetAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM snapshot_messages WHERE account = $account AND folder = $folder;
            DELETE FROM snapshot_folders WHERE account = $account AND folder = $folder;
            """;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$folder", folderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(ulong Version, ulong Floor)> SyncAsync(string accountId, ImapFolder folder, CancellationToken cancellationToken)
    {
        var current = new Dictionary<uint, string>();
        if (folder.Count > 0)
        {
            var request = new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags);
            foreach (var summary in await folder.FetchAsync(UniqueIdRange.All, request, cancellationToken))
            {
                current[summary.UniqueId.Id] = FlagsKey(summary);
            }
        }

        var gate = _locks.GetOrAdd((accountId, folder.FullName), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await ApplyAsync(connection, accountId, folder, current, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<(ulong Version, ulong Floor)> ApplyAsync(SqliteConnection connection, string accountId, ImapFolder folder, Dictionary<uint, string> current, CancellationToken cancellationToken)
    {
        var (uidValidity, version, floor) = await ReadFolderAsync(connection, accountId, folder.FullName, cancellationToken);
        if (uidValidity != folder.UidValidity)
        {
            await ExecuteAsync(connection, "DELETE FROM snapshot_messages WHERE account = $account AND folder = $folder", accountId, folder.FullName, null, cancellationToken);
            (version, floor) = (0, 0);
        }

        var stored = new Dictionary<uint, (string Flags, bool Removed)>();
        await using (var select = Command(connection, "SELECT uid, flags, removed_at IS NOT NULL FROM snapshot_messages WHERE account = $account AND folder = $folder", accountId, folder.FullName))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[(uint)reader.GetInt64(0)] = (reader.GetString(1), reader.GetBoolean(2));
            }
        }

        var next = version + 1;
        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var changes = 0;
        foreach (var (uid, flags) in current)
        {
            if (!stored.TryGetValue(uid, out var old) || old.Removed || old.Flags != flags)
            {
                await UpsertAsync(connection, accountId, folder.FullName, uid, flags, next, null, cancellationToken);
                changes++;
            }
        }

        foreach (var (uid, old) in stored.Where(row => !row.Value.Removed && !current.ContainsKey(row.Key)))
        {
            await UpsertAsync(connection, accountId, folder.FullName, uid, old.Flags, next, now, cancellationToken);
            changes++;
        }

        version = changes > 0 || uidValidity != folder.UidValidity ? next : version;
        floor = await PurgeTombstonesAsync(connection, accountId, folder.FullName, floor, cancellationToken);
        await using var save = Command(connection, """
            INSERT INTO snapshot_folders (account, folder, uidvalidity, version, floor) VALUES ($account, $folder, $uidvalidity, $version, $floor)
            ON CONFLICT (account, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, version = excluded.version, floor = excluded.floor
            """, accountId, folder.FullName);
        save.Parameters.AddWithValue("$uidvalidity", (long)folder.UidValidity);
        save.Parameters.AddWithValue("$version", (long)version);
        save.Parameters.AddWithValue("$floor", (long)floor);
        await save.ExecuteNonQueryAsync(cancellationToken);
        return (version, floor);
    }

    private async Task<ulong> PurgeTombstonesAsync(SqliteConnection connection, string accountId, string folderId, ulong floor, CancellationToken cancellationToken)
    {
        var cutoff = (time.GetUtcNow() - options.TombstoneRetention).ToString("O", CultureInfo.InvariantCulture);
        await using var newest = Command(connection, "SELECT max(version) FROM snapshot_messages WHERE account = $account AND folder = $folder AND removed_at < $cutoff", accountId, folderId);
        newest.Parameters.AddWithValue("$cutoff", cutoff);
        if (await newest.ExecuteScalarAsync(cancellationToken) is not long purged)
        {
            return floor;
        }

        await ExecuteAsync(connection, "DELETE FROM snapshot_messages WHERE account = $account AND folder = $folder AND removed_at < $cutoff", accountId, folderId, cutoff, cancellationToken);
        return Math.Max(floor, (ulong)purged + 1);
    }

    private async Task<List<Row>> ReadRowsAsync(string accountId, string folderId, ulong version, uint uid, bool aliveOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT uid, version, removed_at IS NOT NULL FROM snapshot_messages
            WHERE account = $account AND folder = $folder AND (version > $version OR ($uid > 0 AND version = $version AND uid > $uid))
            {(aliveOnly ? "AND removed_at IS NULL" : "")}
            ORDER BY version, uid LIMIT $limit
            """, accountId, folderId);
        command.Parameters.AddWithValue("$version", (long)version);
        command.Parameters.AddWithValue("$uid", (long)uid);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row((uint)reader.GetInt64(0), (ulong)reader.GetInt64(1), reader.GetBoolean(2)));
        }

        return rows;
    }

    private static string FlagsKey(IMessageSummary summary) =>
        // \Recent is per session (RFC 3501 2.3.2): it is not a change.
        $"{(int)((summary.Flags ?? MailKit.MessageFlags.None) & ~MailKit.MessageFlags.Recent)}|{string.Join(' ', (summary.Keywords ?? new HashSet<string>()).Order(StringComparer.Ordinal))}";

    private static async Task<(uint UidValidity, ulong Version, ulong Floor)> ReadFolderAsync(SqliteConnection connection, string accountId, string folderId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT uidvalidity, version, floor FROM snapshot_folders WHERE account = $account AND folder = $folder", accountId, folderId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? ((uint)reader.GetInt64(0), (ulong)reader.GetInt64(1), (ulong)reader.GetInt64(2))
            : (0, 0, 0);
    }

    private static async Task UpsertAsync(SqliteConnection connection, string accountId, string folderId, uint uid, string flags, ulong version, string? removedAt, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            INSERT INTO snapshot_messages (account, folder, uid, flags, version, removed_at) VALUES ($account, $folder, $uid, $flags, $version, $removed)
            ON CONFLICT (account, folder, uid) DO UPDATE SET flags = excluded.flags, version = excluded.version, removed_at = excluded.removed_at
            """, accountId, folderId);
        command.Parameters.AddWithValue("$uid", (long)uid);
        command.Parameters.AddWithValue("$flags", flags);
        command.Parameters.AddWithValue("$version", (long)version);
        command.Parameters.AddWithValue("$removed", (object?)removedAt ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, string accountId, string folderId, string? cutoff, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, accountId, folderId);
        if (cutoff is not null)
        {
            command.Parameters.AddWithValue("$cutoff", cutoff);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string accountId, string folderId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$folder", folderId);
        return command;
    }

    private sealed record Row(uint Uid, ulong Version, bool Removed);
}
