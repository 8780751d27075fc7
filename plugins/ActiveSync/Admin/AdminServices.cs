using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.ActiveSync.Admin;

/// <summary>Registers the administration of devices, rules and policies, shared by the CLI, the API and the web pages.</summary>
internal static class AdminServices
{
    public static IServiceCollection AddDeviceAdministration(this IServiceCollection services)
    {
        services.AddSingleton<AdminRoles>();
        services.AddSingleton<AccountLookup>();
        services.AddSingleton<AdminViews>();
        services.AddSingleton<DeviceAdministration>();
        services.AddSingleton<RuleAdministration>();
        services.AddSingleton<PolicyAdministration>();
        services.AddSingleton<ProtocolLogReader>();
        services.AddSingleton<WebSession>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "Passerelle.Antiforgery";
            options.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            options.FormFieldName = "__csrf";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        // The document describes the admin API only: its endpoints carry this group name.
        services.AddOpenApi(AdminApi.DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == AdminApi.DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Passerelle administration API";
                document.Info.Description = "Devices, access rules, security policies and per-device settings. Administrators only: HTTP Basic, or the console's session with its X-CSRF-TOKEN header.";
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
