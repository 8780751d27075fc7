using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// The access rules and the global rule in activesync.db, read at each use (a few rows) so that a change
/// from the CLI applies to the running server at once.
/// </summary>
internal sealed class AccessRuleStore(StateDatabase database, TimeProvider time)
{
    private const string GlobalRuleSetting = "access.global";

    /// <summary>The global rule, then the others in the order they were added.</summary>
    public async Task<IReadOnlyList<AccessRule>> ListAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(cancellationToken);
        return [snapshot.Global, .. snapshot.Rules];
    }

    public async Task<(IReadOnlyList<AccessRule> Rules, AccessRule Global)> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(cancellationToken);
        return (snapshot.Rules, snapshot.Global);
    }

    public async Task<AccessRule> AddAsync(AccessRule rule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = (long)(await connection.ScalarAsync(
            """
            INSERT INTO access_rules (scope, match_by, match_value, action, description, enabled, created_at)
            VALUES ($scope, $by, $value, $action, $description, $enabled, $now) RETURNING id
            """,
            cancellationToken,
            ("$scope", rule.Scope), ("$by", rule.By is { } by ? RuleFields.Name(by) : null), ("$value", rule.Value),
            ("$action", DeviceRepository.Name(rule.Action)), ("$description", rule.Description), ("$enabled", rule.Enabled ? 1 : 0),
            ("$now", SqliteExtensions.Text(time.GetUtcNow()))))!;
        return rule with { Id = id };
    }

    /// <summary>Removes a rule; false when there is none with that id.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var removed = await connection.ExecuteAsync("DELETE FROM access_rules WHERE id = $id", cancellationToken, ("$id", id));
        return removed > 0;
    }

    public async Task SetGlobalAsync(DeviceAccessState action, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO server_settings (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            cancellationToken, ("$name", GlobalRuleSetting), ("$value", DeviceRepository.Name(action)));
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var globalAction = (string?)await connection.ScalarAsync("SELECT value FROM server_settings WHERE name = $name", cancellationToken, ("$name", GlobalRuleSetting));
        var global = new AccessRule
        {
            Id = AccessRule.GlobalId,
            Scope = "global",
            Action = globalAction is null ? DeviceAccessState.Allowed : Enum.Parse<DeviceAccessState>(globalAction, ignoreCase: true),
            Description = "applies when no other rule matches",
        };
        await using var command = connection.Command("SELECT id, scope, match_by, match_value, action, description, enabled FROM access_rules ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new List<AccessRule>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new AccessRule
            {
                Id = reader.GetInt64(0),
                Scope = reader.GetString(1),
                By = RuleFields.TryParse(reader.TextOrNull(2), out var by) ? by : null,
                Value = reader.TextOrNull(3),
                Action = Enum.Parse<DeviceAccessState>(reader.GetString(4), ignoreCase: true),
                Description = reader.TextOrNull(5),
                Enabled = reader.GetInt64(6) != 0,
            });
        }

        return new Snapshot(rules, global);
    }

    private sealed record Snapshot(IReadOnlyList<AccessRule> Rules, AccessRule Global);
}
