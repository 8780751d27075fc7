using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Sdk.Plugins;

/// <summary>
/// The entry point of a plugin. The host creates it with its parameterless constructor,
/// lets it register services, then lets it map its endpoints.
/// </summary>
/// <remarks>
/// A plugin lives in <c>plugins/&lt;Name&gt;/Passerelle.&lt;Name&gt;.dll</c> and is loaded in its own
/// load context. It meets other plugins only through the interfaces of this SDK.
/// </remarks>
public interface IPlugin
{
    /// <summary>The plugin's name; it must equal the name of its folder, e.g. <c>ActiveSync</c>.</summary>
    string Name { get; }

    /// <summary>Registers the plugin's services. No service provider exists yet.</summary>
    /// <param name="services">The container shared by the host and every plugin.</param>
    /// <param name="context">The plugin's configuration section, data directory and environment.</param>
    void ConfigureServices(IServiceCollection services, PluginContext context);

    /// <summary>Maps the plugin's routes.</summary>
    /// <param name="endpoints">
    /// A route group the host made for this plugin: it carries the plugin's name and the on/off gate,
    /// so that a plugin turned off at run time answers 404 at once.
    /// </param>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
