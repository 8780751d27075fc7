using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Sqlite.State;

/// <summary>
/// Applies the numbered scripts of <c>State/Migrations</c> (<c>0001_Name.sql</c>…) that the database has not
/// seen, in one write transaction, and records the last in <c>PRAGMA user_version</c>. Two processes starting
/// at once are serialised by the write lock; the second finds nothing left to do.
/// </summary>
internal static class SchemaMigrator
{
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = typeof(SchemaMigrator).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith("Migrations.", StringComparison.Ordinal))
        .Select(name => (Version: int.Parse(name.AsSpan("Migrations.".Length, 4), CultureInfo.InvariantCulture), Name: name))
        .OrderBy(migration => migration.Version)
        .ToList();

    public static int LatestVersion => Migrations[^1].Version;

    public static async Task MigrateAsync(SqliteConnection connection)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        var session = new StoreSession(connection, transaction);
        var current = await session.ScalarAsync<int>("PRAGMA user_version");
        if (current > LatestVersion)
        {
            throw new StoreUnavailableException(
                $"store.db has schema version {current}, newer than this Passerelle knows ({LatestVersion}): upgrade Passerelle.");
        }

        foreach (var (version, name) in Migrations.Where(migration => migration.Version > current))
        {
            await session.ExecuteAsync(ReadScript(name));
            await session.ExecuteAsync($"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)}");
        }

        await transaction.CommitAsync();
    }

    private static string ReadScript(string resource)
    {
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
