using System.Text.Json;
using System.Text.Json.Serialization;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// Devices, rules and settings as the CLI's <c>--json</c>, the admin API and the console show them: the
/// names are a contract scripts rely on.
/// </summary>
internal sealed class AdminViews(PolicyProvider policies)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<DeviceView> DeviceAsync(Device device, CancellationToken cancellationToken) => new(
        device.DeviceId,
        device.AccountId,
        device.DeviceType,
        device.Model,
        device.Os,
        device.UserAgent,
        device.ProtocolVersion,
        device.FirstSync,
        device.LastSync,
        device.LastCommand,
        DeviceRepository.Name(device.AccessState),
        device.AccessReason,
        await PolicyStatusAsync(device, cancellationToken),
        device.WipeStatus ?? "none",
        device.WipeStatus is null ? null : device.WipeAccountOnly,
        device.FriendlyName,
        device.Imei,
        device.OsLanguage,
        device.PhoneNumber,
        device.MobileOperator);

    public async Task<IReadOnlyList<DeviceView>> DevicesAsync(IEnumerable<Device> devices, CancellationToken cancellationToken)
    {
        var views = new List<DeviceView>();
        foreach (var device in devices)
        {
            views.Add(await DeviceAsync(device, cancellationToken));
        }

        return views;
    }

    public static RuleView Rule(AccessRule rule) => new(
        rule.Id,
        rule.Scope,
        rule.By is { } by ? RuleFields.Name(by) : null,
        rule.Value,
        RuleAdministration.ActionName(rule.Action),
        rule.Description,
        rule.Enabled);

    /// <summary>One object whose keys are the setting names, each <c>{"value": ..., "from": LEVEL}</c>.</summary>
    public static Dictionary<string, SettingView> Level(LevelView view) =>
        view.Settings.ToDictionary(s => s.Definition.Name, s => new SettingView(s.Definition.ToJson(s.Value), s.From.ToString()));

    /// <summary>
    /// What the device did with the policy: not provisioned, applied, partially applied, not applied,
    /// externally managed; "outdated" when the policy changed since it acknowledged it.
    /// </summary>
    private async Task<string> PolicyStatusAsync(Device device, CancellationToken cancellationToken)
    {
        if (device.PolicyStatus is not { } status)
        {
            return "not provisioned";
        }

        if (device.PolicyKey is null || !ProtocolVersion.TryParse(device.ProtocolVersion, out var version))
        {
            return status;
        }

        var policy = await policies.GetAsync(device, cancellationToken);
        return policy.Hash(version) == device.PolicyHash ? status : "outdated";
    }
}

/// <summary>A device in listings (<c>device list --json</c>, <c>GET /admin/api/devices</c>).</summary>
internal sealed record DeviceView(
    string DeviceId,
    string User,
    string DeviceType,
    string? Model,
    string? Os,
    string? UserAgent,
    string? ProtocolVersion,
    DateTimeOffset FirstSync,
    DateTimeOffset LastSync,
    string? LastCommand,
    string State,
    string? StateReason,
    string PolicyStatus,
    string WipeStatus,
    bool? WipeAccountOnly,
    string? FriendlyName,
    string? Imei,
    string? OsLanguage,
    string? PhoneNumber,
    string? MobileOperator);

/// <summary>An access rule (<c>rule list --json</c>, <c>GET /admin/api/rules</c>).</summary>
internal sealed record RuleView(long Id, string Scope, string? By, string? Value, string Action, string? Description, bool Enabled);

/// <summary>A setting's value in force and the level that set it.</summary>
internal sealed record SettingView(object? Value, string From);
