using System.CommandLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Autodiscover.Cli;
using Passerelle.Autodiscover.Endpoint;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Autodiscover;

/// <summary>Autodiscover: the endpoint phones and desktop clients ask, and <c>passerelle discover</c>, which asks as they do.</summary>
internal sealed class AutodiscoverPlugin : IPlugin, ICliContributor
{
    public string Name => "Autodiscover";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var options = context.Configuration.Get<AutodiscoverOptions>() ?? new AutodiscoverOptions();
        var errors = AutodiscoverOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Plugins:Autodiscover is misconfigured: {string.Join("; ", errors)}");
        }

        services.AddAutodiscover(options);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAutodiscover();

    public IEnumerable<Command> CreateCommands(CliContext context) => [DiscoverCommand.Create()];
}
