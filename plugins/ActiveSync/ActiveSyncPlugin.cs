using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync;

internal sealed class ActiveSyncPlugin : IPlugin
{
    public string Name => "ActiveSync";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
