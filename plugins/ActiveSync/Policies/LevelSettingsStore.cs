using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Policies;

/// <summary>
/// The settings customised at each level, of one kind (<c>policy</c> or <c>device</c>), in activesync.db.
/// Read at each use (a few rows), so that a change from the CLI applies to the running server at once.
/// </summary>
internal sealed class LevelSettingsStore(StateDatabase database)
{
    public const string PolicyKind = "policy";
    public const string DeviceKind = "device";

    /// <summary>The values customised at each of <paramref name="levels"/>, in one read.</summary>
    public async Task<IReadOnlyDictionary<PolicyLevel, IReadOnlyDictionary<string, string>>> GetAsync(string kind, IReadOnlyList<PolicyLevel> levels, CancellationToken cancellationToken)
    {
        var names = levels.Select(level => level.ToString()).ToList();
        var parameters = names.Select((name, index) => ($"$l{index}", (object?)name)).Append(("$kind", kind)).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT level, name, value FROM level_settings WHERE kind = $kind AND level IN ({string.Join(", ", names.Select((_, index) => $"$l{index}"))})",
            parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = levels.ToDictionary(level => level, _ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        while (await reader.ReadAsync(cancellationToken))
        {
            var level = levels[names.IndexOf(reader.GetString(0))];
            values[level][reader.GetString(1)] = reader.GetString(2);
        }

        return values.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, string>)pair.Value);
    }
    /// <summary>Customises settings at a level, in one transaction.</summary>
    public async Task SetAsync(string kind, PolicyLevel level, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (name, value) in values)
        {
            await connection.ExecuteAsync(
                "INSERT INTO level_settings (kind, level, name, value) VALUES ($kind, $level, $name, $value) ON CONFLICT (kind, level, name) DO UPDATE SET value = excluded.value",
                cancellationToken, ("$kind", kind), ("$level", level.ToString()), ("$name", name), ("$value", value));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Returns settings of a level to what it inherits: the given ones, or all when none are given.</summary>
    public async Task InheritAsync(string kind, PolicyLevel level, IReadOnlyCollection<string>? names, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (names is null || names.Count == 0)
        {
            await connection.ExecuteAsync("DELETE FROM level_settings WHERE kind = $kind AND level = $level", cancellationToken, ("$kind", kind), ("$level", level.ToString()));
        }
        else
        {
            foreach (var name in names)
            {
                await connection.ExecuteAsync(
                    "DELETE FROM level_settings WHERE kind = $kind AND level = $level AND name = $name COLLATE NOCASE",
                    cancellationToken, ("$kind", kind), ("$level", level.ToString()), ("$name", name));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Drops what a removed device had of its own.</summary>
    public async Task ForgetAsync(PolicyLevel level, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM level_settings WHERE level = $level", cancellationToken, ("$level", level.ToString()));
    }

}
