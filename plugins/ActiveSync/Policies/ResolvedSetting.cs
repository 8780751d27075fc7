namespace Passerelle.ActiveSync.Policies;

/// <summary>A setting's value in force at a level, and the level that set it (<c>default</c> when none did).</summary>
internal sealed record ResolvedSetting(SettingDefinition Definition, string Value, PolicyLevel From);
