using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Passerelle.ActiveSync.State;

/// <summary>Short forms for the few ways the state tables are read and written.</summary>
internal static class SqliteExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Starts a write transaction that takes the write lock at once (BEGIN IMMEDIATE): a deferred one that
    /// reads first and writes later fails at once when another process writes, instead of waiting.
    /// </summary>
    public static async Task<WriteTransaction> BeginWriteAsync(this SqliteConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("BEGIN IMMEDIATE", cancellationToken);
        return new WriteTransaction(connection);
    }

    public static string Text(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    public static string? TextOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64OrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}

/// <summary>A write transaction rolled back on dispose unless committed.</summary>
internal sealed class WriteTransaction(SqliteConnection connection) : IAsyncDisposable
{
    private bool _done;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("COMMIT", cancellationToken);
        _done = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done)
        {
            await connection.ExecuteAsync("ROLLBACK", CancellationToken.None);
        }
    }
}
