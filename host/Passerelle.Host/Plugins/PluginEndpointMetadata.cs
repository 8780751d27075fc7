namespace Passerelle.Host.Plugins;

/// <summary>Marks an endpoint as belonging to a plugin, so that the gate can close it.</summary>
/// <param name="PluginName">The plugin's name.</param>
internal sealed record PluginEndpointMetadata(string PluginName);
