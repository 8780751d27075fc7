using Microsoft.Extensions.DependencyInjection;
using Passerelle.GroupwareAsMail.Folders;
using Passerelle.GroupwareAsMail.Messages;
using Passerelle.GroupwareAsMail.State;
using Passerelle.GroupwareAsMail.Switch;
using Passerelle.GroupwareAsMail.Writing;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Folders;

namespace Passerelle.GroupwareAsMail;

/// <summary>Registers the switch, its tables, the message builder, the folder provider and its change feed, and the writer of real folders when asked.</summary>
internal static class GroupwareAsMailServices
{
    public static IServiceCollection AddGroupwareAsMail(this IServiceCollection services, GroupwareAsMailOptions options, string databasePath)
    {
        services.AddSingleton(options);
        services.AddSingleton(new GroupwareMailDatabase(databasePath));
        services.AddSingleton<UserSwitchStore>();
        services.AddSingleton<ReadFlags>();
        services.AddSingleton<GroupwareMailSwitch>();
        services.AddSingleton<MailViewBuilder>();
        services.AddSingleton<ItemMessages>();
        services.AddSingleton<GroupwareMailProvider>();
        services.AddSingleton<IVirtualFolderProvider>(provider => provider.GetRequiredService<GroupwareMailProvider>());
        services.AddSingleton<GroupwareMailFeed>();
        services.AddSingleton<IChangeFeed>(provider => provider.GetRequiredService<GroupwareMailFeed>());
        if (options.WriteToImap)
        {
            services.AddSingleton<WrittenMail>();
            services.AddSingleton<MailWriter>();
            services.AddHostedService<MailWriterService>();
        }

        return services;
    }
}
