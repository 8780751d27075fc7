using Passerelle.ActiveSync.Devices;

namespace Passerelle.ActiveSync.Admin;

/// <summary>The access-rule operations of the CLI, the admin API and the console, with their checks.</summary>
internal sealed class RuleAdministration(AccessRuleStore rules, AccountLookup accounts, DeviceAdministration devices)
{
    public Task<IReadOnlyList<AccessRule>> ListAsync(CancellationToken cancellationToken) => rules.ListAsync(cancellationToken);

    public Task SetGlobalAsync(string action, CancellationToken cancellationToken) =>
        rules.SetGlobalAsync(ParseAction(action), cancellationToken);

    /// <summary>
    /// Adds a rule. <paramref name="scope"/> is <c>server</c> (then <paramref name="by"/> and <paramref name="value"/>
    /// are required), <c>domain:NAME</c> or <c>user:EMAIL</c> (where they are optional).
    /// </summary>
    public async Task<AccessRule> AddAsync(string scope, string? by, string? value, string action, string? description, bool enabled, CancellationToken cancellationToken)
    {
        var canonicalScope = await ScopeAsync(scope, cancellationToken);
        RuleField? field = null;
        if (by is not null)
        {
            field = RuleFields.TryParse(by, out var parsed) ? parsed : throw AdminException.Invalid($"'{by}' is not something a rule compares: use os, model or type");
        }

        if (canonicalScope == AccessRule.ServerScope && (field is null || string.IsNullOrEmpty(value)))
        {
            throw AdminException.Invalid("a server rule needs --by os|model|type and --value VALUE");
        }

        if ((field is null) != string.IsNullOrEmpty(value))
        {
            throw AdminException.Invalid("--by and --value go together");
        }

        return await rules.AddAsync(
            new AccessRule { Scope = canonicalScope, By = field, Value = value, Action = ParseAction(action), Description = description, Enabled = enabled },
            cancellationToken);
    }

    /// <summary>"Create a rule for similar devices": a server rule on the device's model (or OS, or type).</summary>
    public async Task<AccessRule> AddForSimilarAsync(string deviceId, string? user, string? by, string action, CancellationToken cancellationToken)
    {
        var device = await devices.FindAsync(deviceId, user, cancellationToken);
        var field = by is null ? (device.Model is null ? RuleField.Type : RuleField.Model)
            : RuleFields.TryParse(by, out var parsed) ? parsed : throw AdminException.Invalid($"'{by}' is not something a rule compares: use os, model or type");
        var value = field switch { RuleField.Os => device.Os, RuleField.Model => device.Model, _ => device.DeviceType };
        if (string.IsNullOrEmpty(value))
        {
            throw AdminException.Conflict($"device {device.DeviceId} has not told its {RuleFields.Name(field)}");
        }

        return await rules.AddAsync(
            new AccessRule { Scope = AccessRule.ServerScope, By = field, Value = value, Action = ParseAction(action), Description = $"devices like {device.DeviceId} of {device.AccountId}" },
            cancellationToken);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            throw AdminException.Invalid($"'{id}' is not a rule id");
        }

        if (number == AccessRule.GlobalId)
        {
            throw AdminException.Invalid("the global rule cannot be removed; change it with: rule default allow|block|quarantine");
        }

        if (!await rules.RemoveAsync(number, cancellationToken))
        {
            throw AdminException.NotFound($"there is no rule {number}");
        }
    }

    public static DeviceAccessState ParseAction(string action) => action.Trim().ToLowerInvariant() switch
    {
        "allow" => DeviceAccessState.Allowed,
        "block" => DeviceAccessState.Blocked,
        "quarantine" => DeviceAccessState.Quarantined,
        _ => throw AdminException.Invalid($"'{action}' is not an action: use allow, block or quarantine"),
    };

    public static string ActionName(DeviceAccessState state) => state switch
    {
        DeviceAccessState.Allowed => "allow",
        DeviceAccessState.Blocked => "block",
        _ => "quarantine",
    };

    private async Task<string> ScopeAsync(string scope, CancellationToken cancellationToken)
    {
        var text = scope.Trim();
        if (text.Equals("server", StringComparison.OrdinalIgnoreCase))
        {
            return AccessRule.ServerScope;
        }

        if (text.StartsWith("domain:", StringComparison.OrdinalIgnoreCase))
        {
            return AccessRule.DomainScope(await accounts.RequireDomainAsync(text["domain:".Length..], cancellationToken));
        }

        if (text.StartsWith("user:", StringComparison.OrdinalIgnoreCase))
        {
            return AccessRule.UserScope((await accounts.RequireAccountAsync(text["user:".Length..], cancellationToken)).Id);
        }

        throw AdminException.Invalid($"'{scope}' is not a scope: use server, domain:NAME or user:EMAIL");
    }
}
