using Microsoft.Data.Sqlite;

namespace Passerelle.GroupwareAsMail.State;

/// <summary>
/// The plugin's own tables (DATA/groupwareasmail.db): the switch set per user, the Read flag each device
/// set, and which mail folders and messages were written for which views and items (WriteToImap). The server and the CLI share the file (WAL), so a change from the CLI applies at the next request.
/// </summary>
internal sealed class GroupwareMailDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS user_switch (account_id TEXT PRIMARY KEY, mode TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS read_flags (
            account_id TEXT NOT NULL, device_id TEXT NOT NULL, folder_id TEXT NOT NULL, item_id TEXT NOT NULL,
            PRIMARY KEY (account_id, device_id, folder_id, item_id));
        CREATE TABLE IF NOT EXISTS written_folders (
            account_id TEXT NOT NULL, view_id TEXT NOT NULL, mail_folder_id TEXT NOT NULL,
            PRIMARY KEY (account_id, view_id));
        CREATE TABLE IF NOT EXISTS written_messages (
            account_id TEXT NOT NULL, view_id TEXT NOT NULL, item_id TEXT NOT NULL, version TEXT NOT NULL, message_id TEXT NOT NULL,
            PRIMARY KEY (account_id, view_id, item_id));
        """;

    private readonly string _connectionString;
    private readonly Lazy<Task> _created;

    public GroupwareMailDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _created = new Lazy<Task>(CreateAsync);
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _created.Value;
        return await OpenRawAsync(cancellationToken);
    }

    public async Task<string?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // busy_timeout waits for the other process (server or CLI) writing at the same moment.
        pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateAsync()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;" + Schema;
        await command.ExecuteNonQueryAsync();
    }
}
