using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Store.Sqlite;

internal sealed class StoreSqlitePlugin : IPlugin
{
    public string Name => "Store.Sqlite";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
