using System.CommandLine;
using Passerelle.Host.Plugins;
using Passerelle.Host.Serving;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Cli;

/// <summary>Builds the command tree: the host's commands and those of every enabled plugin.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(HostSettings settings, LoadedPlugins plugins, CliContext context, TextWriter output)
    {
        var data = new Option<string>("--data")
        {
            Description = "The data directory: SQLite files, certificate, logs (default ./data, or $PASSERELLE_DATA)",
            Recursive = true,
            HelpName = "DIR",
        };
        var root = new RootCommand("Passerelle, an Exchange ActiveSync server for existing mail servers. Without a command, runs the server.");
        root.Options.Add(data);

        var serve = ServeCommand.Create(settings, output);
        root.Subcommands.Add(serve);
        ServeCommand.AddTo(root, settings, output);
        root.Subcommands.Add(PluginsCommand.Create(plugins, context));

        foreach (var contributor in plugins.Active.OfType<ICliContributor>())
        {
            foreach (var command in contributor.CreateCommands(context))
            {
                root.Subcommands.Add(command);
            }
        }

        return root;
    }
}
