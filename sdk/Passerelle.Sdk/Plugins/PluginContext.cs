using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Passerelle.Sdk.Plugins;

/// <summary>What a plugin knows while it registers its services.</summary>
/// <param name="Name">The plugin's name.</param>
/// <param name="Configuration">The plugin's own section, <c>Plugins:&lt;Name&gt;</c>.</param>
/// <param name="HostConfiguration">The whole configuration, for shared sections such as <c>Stores</c>.</param>
/// <param name="DataDirectory">The data directory, where the plugin keeps its files (created by the host).</param>
/// <param name="Environment">The host environment.</param>
public sealed record PluginContext(
    string Name,
    IConfiguration Configuration,
    IConfiguration HostConfiguration,
    string DataDirectory,
    IHostEnvironment Environment);
