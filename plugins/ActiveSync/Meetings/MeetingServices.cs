using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Sync.Classes;

namespace Passerelle.ActiveSync.Meetings;

/// <summary>Registers meeting responses and the organizer's invitations and updates.</summary>
internal static class MeetingServices
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddSingleton<MeetingCalendar>();
        services.AddSingleton<MeetingResponder>();
        services.AddSingleton<IGroupwareChangeObserver, OrganizerUpdates>();
        return services;
    }
}
