namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// An access rule: for devices of the server (matched on their OS, model or type), of a domain or of a user,
/// what they may do. The global rule (id 0) applies when no other matches.
/// </summary>
internal sealed record AccessRule
{
    public const long GlobalId = 0;

    public long Id { get; init; }

    /// <summary><c>global</c>, <c>server</c>, <c>domain:NAME</c> or <c>user:EMAIL</c>.</summary>
    public required string Scope { get; init; }

    /// <summary>What a server rule compares: the device's OS, model or type; optional for domain and user rules.</summary>
    public RuleField? By { get; init; }

    /// <summary>The value compared, case-sensitive.</summary>
    public string? Value { get; init; }

    public required DeviceAccessState Action { get; init; }

    public string? Description { get; init; }

    public bool Enabled { get; init; } = true;

    public bool IsGlobal => Scope == "global";

    public static string ServerScope => "server";

    public static string DomainScope(string domain) => $"domain:{domain.Trim().ToLowerInvariant()}";

    public static string UserScope(string accountId) => $"user:{accountId.Trim().ToLowerInvariant()}";

    /// <summary>
    /// Whether the rule's criterion matches: the device's value is compared with the rule's value, then with
    /// successively shorter prefixes of it down to one character (a rule "Android" matches "Android",
    /// "Androi", ... "A"), case-sensitively. A rule without a criterion matches every device of its scope.
    /// </summary>
    public bool Matches(Device device)
    {
        if (By is not { } by || Value is not { Length: > 0 } value)
        {
            return By is null;
        }

        var candidate = by switch
        {
            RuleField.Os => device.Os,
            RuleField.Model => device.Model,
            _ => device.DeviceType,
        };
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        for (var length = value.Length; length >= 1; length--)
        {
            if (string.Equals(candidate, value[..length], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How the administrator's views name the rule as the reason of a device's access state.</summary>
    public string Describe() => IsGlobal
        ? "global rule"
        : $"{Scope} rule {Id}{(By is { } by ? $" ({RuleFields.Name(by)} {Value})" : "")}";
}

/// <summary>What a server rule compares.</summary>
internal enum RuleField
{
    Os,
    Model,
    Type,
}

/// <summary>The names of <see cref="RuleField"/> in the CLI, the API and the database.</summary>
internal static class RuleFields
{
    public static string Name(RuleField field) => field.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out RuleField field) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out field) && Enum.IsDefined(field) && !int.TryParse(text, out _);
}
