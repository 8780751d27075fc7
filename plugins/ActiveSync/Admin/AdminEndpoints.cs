using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Passerelle.ActiveSync.Admin;

/// <summary>Maps device management on the web: the admin API and its OpenAPI document, the console, self-service, sign-in.</summary>
internal static class AdminEndpoints
{
    public static void MapDeviceManagement(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi();
        // MapOpenApi's builder takes no endpoint filter: the document's route gets the same check as the API.
        var document = endpoints.MapGroup("").AddEndpointFilter<AdminApiFilter>();
        document.MapOpenApi($"{AdminApi.Prefix}/{{documentName}}.json");

        var console = endpoints.MapGroup("/admin").ExcludeFromDescription();
        console.MapGet("", () => Results.Redirect("/admin/devices"));
        console.MapConsoleDevices();
        console.MapConsoleRules();
        console.MapConsoleLevels("/policy", SettingsKind.Policy, "Security policy");
        console.MapConsoleLevels("/device-settings", SettingsKind.Device, "Device settings");
        console.MapConsoleLogs();

        var pages = endpoints.MapGroup("").ExcludeFromDescription();
        pages.MapSelfService();
        pages.MapSignIn();
    }
}
