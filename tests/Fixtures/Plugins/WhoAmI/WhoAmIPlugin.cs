using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Plugins;

namespace Fixtures.WhoAmI;

/// <summary>A route behind the host's sign-in that answers with the signed-in account's address.</summary>
internal sealed class WhoAmIPlugin : IPlugin
{
    public string Name => "WhoAmI";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/whoami", (HttpContext http) => Results.Text(http.GetAccount()!.Address))
            .RequireAuthorization(PasserelleAuthentication.Policy);
}
