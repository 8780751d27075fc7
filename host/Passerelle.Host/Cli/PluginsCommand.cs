using System.CommandLine;
using System.Text.Json;
using Passerelle.Host.Plugins;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Cli;

/// <summary><c>passerelle plugins list [--json]</c>: name, version, enabled, loaded or why not.</summary>
internal static class PluginsCommand
{
    public static Command Create(LoadedPlugins plugins, CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the plugins: name, version, enabled, loaded or why not");
        list.Options.Add(json);
        list.SetAction(result =>
        {
            _ = context.Services; // registering services is part of loading: a plugin may fail there
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                var rows = plugins.Results.Select(p => new { name = p.Name, version = p.Version, enabled = p.Enabled, loaded = p.Loaded, error = p.Error });
                output.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            output.WriteLine($"{"NAME",-18} {"VERSION",-9} {"ENABLED",-8} STATUS");
            foreach (var plugin in plugins.Results)
            {
                output.WriteLine($"{plugin.Name,-18} {plugin.Version ?? "?",-9} {(plugin.Enabled ? "yes" : "no"),-8} {plugin.Status}");
            }

            return 0;
        });

        var command = new Command("plugins", "Inspect the plugins");
        command.Subcommands.Add(list);
        return command;
    }
}
