using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Plugins;

namespace Fixtures.ConfiguredAccounts;

/// <summary>
/// A test store whose accounts come from configuration:
/// <c>Plugins:ConfiguredAccounts:Accounts:N:{Address, Password, DisplayName, Aliases:M}</c>.
/// </summary>
internal sealed class ConfiguredAccountsPlugin : IPlugin
{
    public string Name => "ConfiguredAccounts";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var accounts = context.Configuration.GetSection("Accounts").Get<List<ConfiguredAccount>>() ?? [];
        services.AddSingleton<IAccountDirectory>(new ConfiguredAccountDirectory(accounts));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
