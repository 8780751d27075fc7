using System.CommandLine;

namespace Passerelle.Sdk.Plugins;

/// <summary>
/// Implemented by a plugin (next to <see cref="IPlugin"/>) that adds subcommands to the
/// <c>passerelle</c> command line, such as <c>passerelle device list</c>.
/// </summary>
public interface ICliContributor
{
    /// <summary>Creates the plugin's top-level commands.</summary>
    /// <param name="context">Services and output streams; services are built on first use.</param>
    /// <returns>The commands to add under <c>passerelle</c>.</returns>
    IEnumerable<Command> CreateCommands(CliContext context);
}
