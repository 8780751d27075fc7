using Microsoft.Data.Sqlite;

namespace Passerelle.GAL.Flags;

/// <summary>
/// The folders flagged as GAL, in the plugin's own SQLite file <c>DATA/gal.db</c> (WAL, so that the command line
/// writes while the server reads). Each call opens a pooled connection; nothing is cached here.
/// </summary>
internal sealed class GalFlagStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS flagged_folders (
            flag_order INTEGER PRIMARY KEY AUTOINCREMENT,
            owner_id TEXT NOT NULL,
            folder_id TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            flagged_at INTEGER NOT NULL
        ) STRICT;
        PRAGMA user_version = 1;
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private volatile bool _created;

    public GalFlagStore(string path, TimeProvider time)
    {
        FilePath = path;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    public string FilePath { get; }

    public async Task<IReadOnlyList<FlaggedFolder>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT flag_order, owner_id, folder_id, label, flagged_at FROM flagged_folders ORDER BY flag_order";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var flags = new List<FlaggedFolder>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flags.Add(new FlaggedFolder(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4))));
        }

        return flags;
    }

    /// <summary>Flags a folder.</summary>
    /// <returns>The flag, or <see langword="null"/> when the folder was flagged already.</returns>
    public async Task<FlaggedFolder?> AddAsync(string ownerId, string folderId, string label, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO flagged_folders (owner_id, folder_id, label, flagged_at) VALUES ($owner, $folder, $label, $at)
            ON CONFLICT (folder_id) DO NOTHING
            RETURNING flag_order, flagged_at
            """;
        command.Parameters.AddWithValue("$owner", ownerId);
        command.Parameters.AddWithValue("$folder", folderId);
        command.Parameters.AddWithValue("$label", label);
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeSeconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new FlaggedFolder(reader.GetInt64(0), ownerId, folderId, label, DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)))
            : null;
    }

    /// <summary>Unflags a folder.</summary>
    /// <returns>Whether it was flagged.</returns>
    public async Task<bool> RemoveAsync(string folderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM flagged_folders WHERE folder_id = $folder";
        command.Parameters.AddWithValue("$folder", folderId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_created)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = WAL;" + Schema;
                await command.ExecuteNonQueryAsync(cancellationToken);
                _created = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
