using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync;

internal sealed class ActiveSyncPlugin : IPlugin
{
    public string Name => "ActiveSync";

    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddActiveSync(context);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapActiveSync();
}
