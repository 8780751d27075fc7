using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.State;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync;

/// <summary>Registers the plugin's services: state, devices, folders, sync, push, and one handler per command.</summary>
internal static class ActiveSyncServices
{
    public static IServiceCollection AddActiveSync(this IServiceCollection services, PluginContext context)
    {
        services.AddOptions<ActiveSyncOptions>().Bind(context.Configuration);
        services.AddSingleton(new StateDatabase(Path.Combine(context.DataDirectory, "activesync.db")));
        services.AddSingleton<DeviceRepository>();
        services.AddSingleton<DeviceLocks>();
        services.AddSingleton<FolderIdMap>();
        services.AddSingleton<FolderHierarchyBuilder>();
        services.AddSingleton<EasEndpoint>();
        services.Scan(scan => scan.FromAssemblyOf<ActiveSyncPlugin>()
            .AddClasses(classes => classes.AssignableTo<ICommandHandler>())
            .As<ICommandHandler>()
            .WithSingletonLifetime());
        return services;
    }
}
