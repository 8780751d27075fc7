using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Admin;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Logging;
using Passerelle.ActiveSync.Meetings;
using Passerelle.ActiveSync.Policies;
using Passerelle.ActiveSync.State;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Sync.Classes;
using Passerelle.Sdk.Devices;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync;

/// <summary>Registers the plugin's services: state, devices, folders, sync, and one handler per command.</summary>
internal static class ActiveSyncServices
{
    public static IServiceCollection AddActiveSync(this IServiceCollection services, PluginContext context)
    {
        services.AddOptions<ActiveSyncOptions>().Bind(context.Configuration);
        services.AddSingleton(new StateDatabase(Path.Combine(context.DataDirectory, "activesync.db")));

        services.AddSingleton<DeviceRepository>();
        services.AddSingleton<DeviceLocks>();
        services.AddSingleton<LevelSettingsStore>();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<DeviceSettingsProvider>();
        services.AddSingleton<IDeviceSettings>(provider => provider.GetRequiredService<DeviceSettingsProvider>());
        services.AddSingleton<AccessRuleStore>();
        services.AddSingleton<DeviceNotices>();
        services.AddSingleton<DeviceAccessEvaluator>();
        services.AddSingleton<DeviceAdmission>();
        services.AddSingleton<DeviceAccess>();
        services.AddSingleton<RemoteWipe>();
        services.AddSingleton<ProvisioningGate>();
        services.AddDeviceAdministration();
        services.AddSingleton<ProtocolLogSwitches>();
        services.AddSingleton<ProtocolLog>();

        services.AddSingleton<FolderIdMap>();
        services.AddSingleton<FolderHierarchyBuilder>();
        services.AddSingleton<HierarchyStates>();
        services.AddSingleton<FolderOperations>();

        services.AddSingleton<CollectionStateStore>();
        services.AddSingleton<ClientAdds>();
        services.AddSingleton<ItemFailures>();
        services.AddSingleton<ServerChangeCollector>();
        services.AddSingleton<CollectionSync>();
        services.AddSingleton<SyncRequestCache>();
        services.AddSingleton<ItemEstimator>();
        services.AddSingleton<SyncClasses>();
        services.AddSingleton<MailLimitsProvider>();
        services.AddSingleton<ISyncClass, Sync.Classes.EmailSyncClass>();
        services.AddGroupwareSync();
        services.AddMeetings();

        services.AddSingleton<Mail.ItemLocator>();
        services.AddSingleton<Mail.OutgoingMail>();
        services.AddSingleton<Fetching.ItemFetcher>();
        services.AddSingleton<Fetching.FolderEmptier>();
        services.AddSingleton<Push.ChangeWatcher>();
        services.AddSingleton<Push.PingRegistry>();
        services.AddSingleton<Push.FolderStateProbe>();
        services.AddSingleton<Commands.OutOfOffice.OofSettingsPart>();
        services.AddSingleton<Commands.Lookup.MailboxSearch>();
        services.AddSingleton<Commands.Lookup.GalSearch>();
        services.AddSingleton<Commands.Recipients.FreeBusy>();

        services.Scan(scan => scan.FromAssemblyOf<ActiveSyncPlugin>()
            .AddClasses(classes => classes.AssignableTo<ICommandHandler>(), publicOnly: false)
            .As<ICommandHandler>()
            .WithSingletonLifetime());
        services.AddSingleton<CommandRegistry>();
        services.AddSingleton<EasEndpoint>();
        return services;
    }
}
