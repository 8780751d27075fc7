using Microsoft.Data.Sqlite;

namespace Passerelle.ActiveSync.State;

/// <summary>
/// The plugin's own tables (DATA/activesync.db): devices, folder identifiers, sync states. Mail and
/// groupware stay in their stores; deleting this file loses no data, devices resync fully.
/// </summary>
internal sealed class StateDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _migrated;

    public StateDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _migrated = new Lazy<Task>(MigrateAsync);
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _migrated.Value;
        return await OpenRawAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets the CLI read and write while the server runs; busy_timeout waits for the other writer.
        pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task MigrateAsync()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync();
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var version = await ScalarAsync(connection, transaction, "PRAGMA user_version;");
        for (var next = (int)version; next < StateSchema.Migrations.Count; next++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = StateSchema.Migrations[next] + $"; PRAGMA user_version = {next + 1};";
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
