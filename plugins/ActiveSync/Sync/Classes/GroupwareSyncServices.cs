using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Conversion.Groupware;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Sync.Classes;

/// <summary>Registers the Contacts, Calendar, Tasks and Notes classes, one <see cref="GroupwareSyncClass"/> per converter.</summary>
internal static class GroupwareSyncServices
{
    public static IServiceCollection AddGroupwareSync(this IServiceCollection services)
    {
        services.AddSingleton<SupportedElements>();
        foreach (var converter in new IGroupwareConverter[] { new ContactConverter(), new CalendarConverter(), new TaskConverter(), new NoteConverter() })
        {
            services.AddSingleton<ISyncClass>(provider => new GroupwareSyncClass(
                converter,
                provider.GetServices<IGroupwareStore>(),
                provider.GetRequiredService<SupportedElements>(),
                provider.GetServices<IGroupwareChangeObserver>()));
        }

        return services;
    }
}
