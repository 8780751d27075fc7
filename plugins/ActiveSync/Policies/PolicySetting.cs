using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Policies;

/// <summary>One element of EASProvisionDoc (MS-ASPROV 2.2.2): its tag, value type, range, first version and default.</summary>
internal sealed record PolicySetting(string Name, WbxmlTag Tag, PolicyValueType Type, ProtocolVersion Since, string Default, int Min = 0, int Max = int.MaxValue)
    : SettingDefinition(Name, Type, Default, Min, Max);

/// <summary>The value types of settings.</summary>
internal enum PolicyValueType
{
    Boolean,
    Integer,
    IntegerOrEmpty,
    /// <summary>A comma-separated list, sent as child elements (application names or hashes).</summary>
    List,
    /// <summary>One of a few words.</summary>
    Choice,
}
