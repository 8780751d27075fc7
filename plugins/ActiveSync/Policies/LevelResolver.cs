namespace Passerelle.ActiveSync.Policies;

/// <summary>
/// Resolves settings down a chain of levels: each setting takes the value of the lowest level that
/// customised it, else the default level's (built-in, then configuration, then what was set at <c>default</c>).
/// </summary>
internal static class LevelResolver
{
    public static async Task<IReadOnlyDictionary<string, ResolvedSetting>> ResolveAsync(
        LevelSettingsStore store,
        string kind,
        IReadOnlyList<SettingDefinition> definitions,
        Func<SettingDefinition, string?> configured,
        IReadOnlyList<PolicyLevel> chain,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, ResolvedSetting>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            var value = configured(definition) is { } text && definition.TryNormalize(text, out var normalized, out _) ? normalized : definition.Default;
            resolved[definition.Name] = new ResolvedSetting(definition, value, PolicyLevel.Default);
        }

        var customised = await store.GetAsync(kind, chain, cancellationToken);
        foreach (var level in chain)
        {
            foreach (var (name, value) in customised[level])
            {
                // A value stored before a setting's range changed is ignored rather than sent.
                if (resolved.TryGetValue(name, out var current) && current.Definition.TryNormalize(value, out var normalized, out _))
                {
                    resolved[current.Definition.Name] = current with { Value = normalized, From = level };
                }
            }
        }

        return resolved;
    }
}
