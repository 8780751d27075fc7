using System.CommandLine;
using Passerelle.ActiveSync.Admin;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary><c>passerelle policy show|set|inherit --level LEVEL</c>: the security policy at a level.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliContext context) =>
        LevelCommands.Create("policy", SettingsKind.Policy, "Show or change the security policy at a level (keys named as the EASProvisionDoc elements)", context);
}
