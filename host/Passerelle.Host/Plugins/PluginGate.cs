using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Passerelle.Host.Plugins;

/// <summary>
/// Answers 404 for the routes of a plugin turned off while the host runs (configuration reload),
/// or of a plugin whose routes failed to map. Turning a plugin on needs a restart.
/// </summary>
internal sealed class PluginGate(RequestDelegate next, IConfiguration configuration, LoadedPlugins plugins)
{
    public Task InvokeAsync(HttpContext context)
    {
        var owner = context.GetEndpoint()?.Metadata.GetMetadata<PluginEndpointMetadata>();
        if (owner is not null && (!PluginCatalog.IsEnabled(configuration, owner.PluginName) || !plugins.IsLoaded(owner.PluginName)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
