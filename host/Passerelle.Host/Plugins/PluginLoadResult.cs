using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Plugins;

/// <summary>What became of one plugin folder: loaded, turned off, or failed with a reason.</summary>
/// <param name="Name">The plugin's name (its folder's name).</param>
/// <param name="Version">Its assembly version, when the assembly could be read.</param>
/// <param name="Enabled">Whether the configuration turns it on.</param>
/// <param name="Plugin">The plugin when it loaded.</param>
/// <param name="Error">Why it did not load, when it failed.</param>
internal sealed record PluginLoadResult(string Name, string? Version, bool Enabled, IPlugin? Plugin, string? Error)
{
    public bool Loaded => Plugin is not null && Error is null;

    public string Status => Loaded ? "loaded" : Enabled ? $"failed: {Error}" : "disabled";

    public PluginLoadResult Failed(string error) => this with { Plugin = null, Error = error };
}
