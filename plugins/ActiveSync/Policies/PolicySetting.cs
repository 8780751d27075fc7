using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Policies;

/// <summary>One element of EASProvisionDoc (MS-ASPROV 2.2.2): its tag, value type, range, first version and default.</summary>
internal sealed record PolicySetting(string Name, WbxmlTag Tag, PolicyValueType Type, ProtocolVersion Since, string Default, int Min = 0, int Max = int.MaxValue)
{
    /// <summary>Checks a value given by an administrator; returns it in the form sent to devices, or why not.</summary>
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

                error = $"{Name} takes a whole number from {Min} to {Max}{(Type == PolicyValueType.IntegerOrEmpty ? ", or nothing for no limit" : "")}";
                return int.TryParse(normalized, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    && number >= Min && number <= Max;
            default:
                normalized = string.Join(',', normalized.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
        }
    }
}

/// <summary>The value types of policy settings.</summary>
internal enum PolicyValueType
{
    Boolean,
    Integer,
    IntegerOrEmpty,
    /// <summary>A comma-separated list, sent as child elements (application names or hashes).</summary>
    List,
}
