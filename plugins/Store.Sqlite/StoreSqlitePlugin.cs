using System.CommandLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Sqlite.Accounts;
using Passerelle.Store.Sqlite.Changes;
using Passerelle.Store.Sqlite.Cli;
using Passerelle.Store.Sqlite.Demo;
using Passerelle.Store.Sqlite.Groupware;
using Passerelle.Store.Sqlite.Mail;
using Passerelle.Store.Sqlite.State;
using Passerelle.Store.Sqlite.Submission;

namespace Passerelle.Store.Sqlite;

/// <summary>
/// The embedded default store in <c>DATA/store.db</c> and <c>DATA/blobs/</c>: accounts, mail and delivery when
/// <c>Stores:Mail</c> is <c>Sqlite</c>, groupware when <c>Stores:Groupware</c> is; both are by default.
/// </summary>
internal sealed class StoreSqlitePlugin : IPlugin, ICliContributor
{
    public string Name => "Store.Sqlite";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var selection = StoreSelection.From(context.HostConfiguration);
        if (!selection.Mail && !selection.Groupware)
        {
            return;
        }

        var options = context.Configuration.Get<StoreSqliteOptions>() ?? new StoreSqliteOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(selection);
        services.AddSingleton<ChangeDispatcher>();
        services.AddSingleton(provider => new StoreDatabase(
            context.DataDirectory, options, provider.GetRequiredService<ChangeDispatcher>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SqliteChangeFeed>();
        services.AddSingleton<IChangeFeed>(provider => provider.GetRequiredService<SqliteChangeFeed>());

        if (selection.Mail)
        {
            services.AddSingleton<PasswordHasher>();
            services.AddSingleton<AccountDataRemover>();
            services.AddSingleton<AccountAdministration>();
            services.AddSingleton<SqliteAccountDirectory>();
            services.AddSingleton<IAccountDirectory>(provider => provider.GetRequiredService<SqliteAccountDirectory>());
            services.AddSingleton<SqliteMailStore>();
            services.AddSingleton<IMailStore>(provider => provider.GetRequiredService<SqliteMailStore>());
            services.AddSingleton<MailImporter>();
            services.AddSingleton<IMailSubmission, SqliteMailSubmission>();
            services.AddSingleton<IDemoSeeder, DemoSeeder>();
        }

        if (selection.Groupware)
        {
            services.AddSingleton<SqliteGroupwareStore>();
            services.AddSingleton<IGroupwareStore>(provider => provider.GetRequiredService<SqliteGroupwareStore>());
            services.AddSingleton<GroupwareSharing>();
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public IEnumerable<Command> CreateCommands(CliContext context) =>
    [
        DomainCommand.Create(context),
        UserCommand.Create(context),
        MailCommand.Create(context),
    ];
}
