using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passerelle.Store.Sqlite.State;

/// <summary>How SDK records are kept as JSON in the database: camelCase, enums by name, nothing dropped.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Serialize<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}
