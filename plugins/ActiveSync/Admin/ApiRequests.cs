using System.Globalization;
using System.Text.Json;

namespace Passerelle.ActiveSync.Admin;

/// <summary>POST /admin/api/devices/{id}/wipe.</summary>
internal sealed record WipeRequest(bool AccountOnly = false);

/// <summary>POST /admin/api/devices/{id}/similar-rule: a server rule on the device's model (default), os or type.</summary>
internal sealed record SimilarRuleRequest(string Action, string? By = null);

/// <summary>POST /admin/api/rules: as <c>passerelle rule add</c>.</summary>
internal sealed record RuleRequest(string Scope, string Action, string? By = null, string? Value = null, string? Description = null, bool Enabled = true);

/// <summary>PUT /admin/api/rules/global.</summary>
internal sealed record GlobalRuleRequest(string Action);

/// <summary>POST /admin/api/policy/inherit and /admin/api/device-settings/inherit: some settings, or all when empty.</summary>
internal sealed record InheritRequest(IReadOnlyList<string>? Settings = null);

/// <summary>POST /admin/api/admins: as <c>passerelle user admin EMAIL [--revoke]</c>.</summary>
internal sealed record AdminGrantRequest(string Email, bool Revoke = false);

/// <summary>The answer to an admin grant.</summary>
internal sealed record AdminGrantView(string User, bool Admin);

/// <summary>POST /admin/api/logs/switch: protocol logging on or off for a device or a user.</summary>
internal sealed record LogSwitchRequest(bool On, string? Device = null, string? User = null);

/// <summary>One entry of a protocol log.</summary>
internal sealed record LogEntryView(DateTimeOffset At, string User, string Device, string Entry);

/// <summary>Settings sent as a JSON object: a value per key; null or "inherit" returns the key to its parent.</summary>
internal static class SettingsBody
{
    public static IReadOnlyList<string> ToAssignments(IReadOnlyDictionary<string, JsonElement> settings) =>
        settings.Select(pair => $"{pair.Key}={Text(pair.Value)}").ToList();

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "inherit",
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(Text)),
        _ => throw AdminException.Invalid($"a setting's value must be a string, a number, a boolean, a list or null, not {value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}"),
    };
}
