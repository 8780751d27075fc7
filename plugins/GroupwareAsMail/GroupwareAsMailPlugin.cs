using System.CommandLine;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.GroupwareAsMail.Cli;
using Passerelle.Sdk.Plugins;

namespace Passerelle.GroupwareAsMail;

/// <summary>Notes, tasks and files as read-only mail folders for phones without those classes; <c>passerelle gwmail</c>.</summary>
internal sealed class GroupwareAsMailPlugin : IPlugin, ICliContributor
{
    public string Name => "GroupwareAsMail";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var options = context.Configuration.Get<GroupwareAsMailOptions>() ?? new GroupwareAsMailOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Plugins:GroupwareAsMail is misconfigured: {string.Join("; ", errors)}");
        }

        services.AddGroupwareAsMail(options, Path.Combine(context.DataDirectory, "groupwareasmail.db"));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public IEnumerable<Command> CreateCommands(CliContext context) => [GwmailCommand.Create(context)];
}
