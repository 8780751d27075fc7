using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;

namespace Fixtures.ConfiguredAccounts;

/// <summary>
/// A test store whose accounts come from configuration:
/// <c>Plugins:ConfiguredAccounts:Accounts:N:{Address, Password, DisplayName, Aliases:M, Admin, Folders:M}</c>;
/// with <c>Plugins:ConfiguredAccounts:MailStore=true</c>, also an in-memory mail store. Its <c>user list</c>
/// command stands for a store's own <c>user</c> command.
/// </summary>
internal sealed class ConfiguredAccountsPlugin : IPlugin, ICliContributor
{
    public string Name => "ConfiguredAccounts";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var accounts = context.Configuration.GetSection("Accounts").Get<List<ConfiguredAccount>>() ?? [];
        var directory = new ConfiguredAccountDirectory(accounts);
        services.AddSingleton<IAccountDirectory>(directory);
        if (context.Configuration.GetValue<bool>("MailStore"))
        {
            services.AddSingleton<IMailStore>(new InMemoryMailStore(accounts));
        }

    }

    public IEnumerable<Command> CreateCommands(CliContext context)
    {
        var list = new Command("list", "List the configured accounts");
        list.SetAction(async (_, cancellationToken) =>
        {
            await foreach (var account in context.Services.GetRequiredService<IAccountDirectory>().ListAccountsAsync(null, cancellationToken))
            {
                await context.Output.WriteLineAsync($"{account.Address}{(account.IsAdmin ? " (admin)" : "")}");
            }

            return 0;
        });
        var user = new Command("user", "The configured accounts");
        user.Subcommands.Add(list);
        return [user];
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
