using System.Globalization;

namespace Passerelle.ActiveSync.Policies;

/// <summary>A setting an administrator sets at a level: its name, value type, range and default.</summary>
internal record SettingDefinition(string Name, PolicyValueType Type, string Default, int Min = 0, int Max = int.MaxValue)
{
    /// <summary>The values a <see cref="PolicyValueType.Choice"/> setting takes.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>A sentence for the administrator's views.</summary>
    public string Description { get; init; } = "";

    /// <summary>Checks a value given by an administrator; returns it in its stored form, or why not.</summary>
    public bool TryNormalize(string value, out string normalized, out string error)
    {
        normalized = value.Trim();
        error = "";
        switch (Type)
        {
            case PolicyValueType.Boolean:
                normalized = normalized.ToLowerInvariant() switch { "1" or "true" or "yes" => "1", "0" or "false" or "no" => "0", _ => "" };
                error = $"{Name} takes 0 or 1 (true or false)";
                return normalized.Length > 0;
            case PolicyValueType.Integer or PolicyValueType.IntegerOrEmpty:
                if (Type == PolicyValueType.IntegerOrEmpty && normalized.Length == 0)
                {
                    return true;
                }

                error = $"{Name} takes a whole number from {Min} to {(Max == int.MaxValue ? "2147483647" : Max.ToString(CultureInfo.InvariantCulture))}{(Type == PolicyValueType.IntegerOrEmpty ? ", or nothing for no limit" : "")}";
                if (!int.TryParse(normalized, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < Min || number > Max)
                {
                    return false;
                }

                normalized = number.ToString(CultureInfo.InvariantCulture);
                return true;
            case PolicyValueType.Choice:
                var given = normalized;
                var choice = Choices.FirstOrDefault(c => c.Equals(given, StringComparison.OrdinalIgnoreCase));
                error = $"{Name} takes one of: {string.Join(", ", Choices.Select(c => c.Length == 0 ? "(nothing)" : c))}";
                normalized = choice ?? "";
                return choice is not null;
            default:
                normalized = string.Join(',', normalized.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
        }
    }

    /// <summary>The value as JSON shows it: a boolean, a number, null for "no limit", a list, or a string.</summary>
    public object? ToJson(string value) => Type switch
    {
        PolicyValueType.Boolean => value == "1",
        PolicyValueType.Integer => int.Parse(value, CultureInfo.InvariantCulture),
        PolicyValueType.IntegerOrEmpty => value.Length == 0 ? null : int.Parse(value, CultureInfo.InvariantCulture),
        PolicyValueType.List => value.Split(',', StringSplitOptions.RemoveEmptyEntries),
        _ => value,
    };
}
