using System.CommandLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Admin;
using Passerelle.ActiveSync.Cli;
using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync;

internal sealed class ActiveSyncPlugin : IPlugin, ICliContributor
{
    public string Name => "ActiveSync";

    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddActiveSync(context);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapActiveSync();
        endpoints.MapDeviceManagement();
    }

    public IEnumerable<Command> CreateCommands(CliContext context) =>
    [
        .. GroupwareFileCommands.Create(context),
        LogCommand.Create(context),
        DeviceCommand.Create(context),
        RuleCommand.Create(context),
        PolicyCommand.Create(context),
        UserAdminCommand.Create(context),
        CheckCommand.Create(context),
    ];
}
