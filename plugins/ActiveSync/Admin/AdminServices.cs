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
        return services;
    }
}
