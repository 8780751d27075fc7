using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// Shows, sets and resets settings at a level, for the security policy and for the per-device settings alike:
/// every view says which level each value comes from; a change applies to every level that inherits it.
/// </summary>
internal sealed class PolicyAdministration(
    PolicyProvider policies,
    DeviceSettingsProvider deviceSettings,
    LevelSettingsStore store,
    AccountLookup accounts,
    DeviceRepository devices)
{
    public async Task<LevelView> ShowAsync(SettingsKind kind, string level, string? user, CancellationToken cancellationToken)
    {
        var (parsed, accountId) = await ResolveLevelAsync(level, user, forShow: true, cancellationToken);
        var chain = parsed.Chain(accountId);
        var settings = kind == SettingsKind.Policy
            ? await policies.ResolveAsync(chain, cancellationToken)
            : await deviceSettings.ResolveAsync(chain, cancellationToken);
        var ordered = Catalog(kind).Select(definition => settings[definition.Name]).ToList();
        return new LevelView(parsed, ordered);
    }

    /// <summary>Sets <c>KEY=VALUE</c> pairs at a level; <c>KEY=inherit</c> returns one setting to its parent's value.</summary>
    public async Task<PolicyLevel> SetAsync(SettingsKind kind, string level, IReadOnlyList<string> assignments, CancellationToken cancellationToken)
    {
        if (assignments.Count == 0)
        {
            throw AdminException.Invalid("give at least one KEY=VALUE");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var inherited = new List<string>();
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw AdminException.Invalid($"'{assignment}' is not KEY=VALUE");
            }

            var (name, value) = (assignment[..equals].Trim(), assignment[(equals + 1)..]);
            var definition = Find(kind, name) ?? throw AdminException.Invalid($"'{name}' is not a {KindName(kind)}");
            if (value.Trim().Equals("inherit", StringComparison.OrdinalIgnoreCase))
            {
                inherited.Add(definition.Name);
                continue;
            }

            values[definition.Name] = definition.TryNormalize(value, out var normalized, out var error) ? normalized : throw AdminException.Invalid(error);
        }

        var (parsed, _) = await ResolveLevelAsync(level, null, forShow: false, cancellationToken);
        if (values.Count > 0)
        {
            await store.SetAsync(StoreKind(kind), parsed, values, cancellationToken);
        }

        if (inherited.Count > 0)
        {
            await store.InheritAsync(StoreKind(kind), parsed, inherited, cancellationToken);
        }

        return parsed;
    }

    /// <summary>Returns a level to its parent: the named settings, or all of them.</summary>
    public async Task<PolicyLevel> InheritAsync(SettingsKind kind, string level, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var canonical = names.Select(name => Find(kind, name)?.Name ?? throw AdminException.Invalid($"'{name}' is not a {KindName(kind)}")).ToList();
        var (parsed, _) = await ResolveLevelAsync(level, null, forShow: false, cancellationToken);
        await store.InheritAsync(StoreKind(kind), parsed, canonical, cancellationToken);
        return parsed;
    }

    public static IReadOnlyList<SettingDefinition> Catalog(SettingsKind kind) =>
        kind == SettingsKind.Policy ? PolicyCatalog.Settable : DeviceSettingCatalog.All;

    private static SettingDefinition? Find(SettingsKind kind, string name) =>
        kind == SettingsKind.Policy ? PolicyCatalog.FindSettable(name) : DeviceSettingCatalog.Find(name);

    private static string KindName(SettingsKind kind) => kind == SettingsKind.Policy ? "policy setting" : "device setting";

    private static string StoreKind(SettingsKind kind) => kind == SettingsKind.Policy ? LevelSettingsStore.PolicyKind : LevelSettingsStore.DeviceKind;

    /// <summary>Checks that what a level names exists; a device level shown needs its account when several share the DeviceId.</summary>
    private async Task<(PolicyLevel Level, string? AccountId)> ResolveLevelAsync(string text, string? user, bool forShow, CancellationToken cancellationToken)
    {
        if (!PolicyLevel.TryParse(text, out var level))
        {
            throw AdminException.Invalid($"'{text}' is not a level: use default, server, domain:NAME, user:EMAIL or device:ID");
        }

        switch (level.Kind)
        {
            case LevelKind.Domain:
                return (PolicyLevel.Domain(await accounts.RequireDomainAsync(level.Name!, cancellationToken)), null);
            case LevelKind.User:
                return (PolicyLevel.User((await accounts.RequireAccountAsync(level.Name!, cancellationToken)).Id), null);
            case LevelKind.Device:
                var found = await devices.FindByDeviceIdAsync(level.Name!, cancellationToken);
                if (found.Count == 0)
                {
                    throw AdminException.NotFound($"there is no device {level.Name}");
                }

                var device = user is null ? found[0] : found.FirstOrDefault(d => d.AccountId == user.Trim().ToLowerInvariant())
                    ?? throw AdminException.NotFound($"{user.Trim().ToLowerInvariant()} has no device {level.Name}");
                if (forShow && user is null && found.Count > 1)
                {
                    throw AdminException.Invalid($"device {level.Name} is used by several accounts ({string.Join(", ", found.Select(d => d.AccountId))}): name the account with --user EMAIL");
                }

                return (PolicyLevel.Device(device.DeviceId), device.AccountId);
            default:
                return (level, null);
        }
    }
}

/// <summary>The two kinds of settings kept at levels.</summary>
internal enum SettingsKind
{
    /// <summary>The security policy sent to devices, and its server-side companions.</summary>
    Policy,

    /// <summary>What a device is given whatever it asks (folders, periods, sizes, version).</summary>
    Device,
}

/// <summary>The settings in force at a level, in catalog order, each with the level it comes from.</summary>
internal sealed record LevelView(PolicyLevel Level, IReadOnlyList<ResolvedSetting> Settings);
