using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Http;

/// <summary>Maps <c>/Microsoft-Server-ActiveSync</c> (routing ignores case, as phones need).</summary>
internal static class ActiveSyncEndpoints
{
    public const string Path = "/Microsoft-Server-ActiveSync";

    public static IEndpointConventionBuilder MapActiveSync(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path);
        // FIELD-NOTES 8: OPTIONS may come without credentials; it tells only what the server speaks.
        group.MapMethods("", [HttpMethods.Options], (HttpContext http) =>
            http.RequestServices.GetRequiredService<EasEndpoint>().Options(http));
        group.MapPost("", (HttpContext http) => http.RequestServices.GetRequiredService<EasEndpoint>().HandleAsync(http))
            .RequireAuthorization(PasserelleAuthentication.Policy);
        return group;
    }
}
