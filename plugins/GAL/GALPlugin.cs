using System.CommandLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.GAL.Cli;
using Passerelle.Sdk.Plugins;

namespace Passerelle.GAL;

/// <summary>The global address list: accounts, groups and flagged address books, merged and searched by word prefix; <c>passerelle gal</c>.</summary>
internal sealed class GALPlugin : IPlugin, ICliContributor
{
    public string Name => "GAL";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var options = context.Configuration.Get<GalOptions>() ?? new GalOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Plugins:GAL is misconfigured: {string.Join("; ", errors)}");
        }

        services.AddGal(options, Path.Combine(context.DataDirectory, "gal.db"));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public IEnumerable<Command> CreateCommands(CliContext context) => [GalCommand.Create(context)];
}
