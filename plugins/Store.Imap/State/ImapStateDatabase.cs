using Microsoft.Data.Sqlite;

namespace Passerelle.Store.Imap.State;

/// <summary>
/// The plugin's small SQLite file, <c>DATA/store-imap.db</c>: the accounts that signed in through this
/// server, and the folder snapshots of the change tracking fallback. No password and no message is kept here.
/// </summary>
internal sealed class ImapStateDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS accounts (
            id TEXT PRIMARY KEY,
            address TEXT NOT NULL,
            login TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS accounts_login ON accounts (login);
        CREATE TABLE IF NOT EXISTS snapshot_folders (
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            uidvalidity INTEGER NOT NULL,
            version INTEGER NOT NULL,
            floor INTEGER NOT NULL,
            PRIMARY KEY (account, folder));
        CREATE TABLE IF NOT EXISTS snapshot_messages (
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            uid INTEGER NOT NULL,
            flags TEXT NOT NULL,
            version INTEGER NOT NULL,
            removed_at TEXT,
            PRIMARY KEY (account, folder, uid));
        CREATE INDEX IF NOT EXISTS snapshot_messages_version ON snapshot_messages (account, folder, version, uid);
        """;

    private readonly string _connectionString;
    private int _created;

    public ImapStateDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "store-imap.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (Interlocked.CompareExchange(ref _created, 1, 0) == 0)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = Schema;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }
}
