using Microsoft.Data.Sqlite;

namespace Passerelle.Store.Sqlite.State;

/// <summary>Reads nullable columns by name.</summary>
internal static class SqliteReaderExtensions
{
    public static string? GetNullableString(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static long? GetNullableInt64(this SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    public static string GetString(this SqliteDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static long GetInt64(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column));

    public static bool GetBoolean(this SqliteDataReader reader, string column) => reader.GetInt64(reader.GetOrdinal(column)) != 0;
}
