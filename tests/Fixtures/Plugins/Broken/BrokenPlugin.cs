using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Plugins;

namespace Fixtures.Broken;

// A plugin that fails while registering: the host reports it and starts with the others.
internal sealed class BrokenPlugin : IPlugin
{
    public string Name => "Broken";

    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        throw new InvalidOperationException("the Broken plugin needs a setting it does not have");

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
