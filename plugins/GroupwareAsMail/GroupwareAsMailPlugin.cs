using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Plugins;

namespace Passerelle.GroupwareAsMail;

internal sealed class GroupwareAsMailPlugin : IPlugin
{
    public string Name => "GroupwareAsMail";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
