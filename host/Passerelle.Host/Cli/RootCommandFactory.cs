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
                Add(root, command);
            }
        }

        return root;
    }

    /// <summary>
    /// Two plugins may contribute the same top-level command (a store's <c>user add</c>, another plugin's
    /// <c>user admin</c>): their subcommands join one command. Of two subcommands with one name, the first stays.
    /// </summary>
    private static void Add(RootCommand root, Command command)
    {
        if (root.Subcommands.FirstOrDefault(existing => existing.Name == command.Name) is not { } existing)
        {
            root.Subcommands.Add(command);
            return;
        }

        foreach (var subcommand in command.Subcommands.Where(sub => existing.Subcommands.All(other => other.Name != sub.Name)).ToList())
        {
            existing.Subcommands.Add(subcommand);
        }
    }
}
