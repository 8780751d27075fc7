using System.CommandLine;
using Passerelle.ActiveSync.Admin;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary>
/// <c>show|set|inherit --level LEVEL</c> for settings kept at levels: <c>passerelle policy</c> (the security
/// policy, keys named as the EASProvisionDoc elements) and <c>passerelle device settings</c>.
/// </summary>
internal static class LevelCommands
{
    public static Command Create(string name, SettingsKind kind, string description, CliContext context)
    {
        var command = new Command(name, description);
        command.Subcommands.Add(Show(kind, context));
        command.Subcommands.Add(Set(kind, context));
        command.Subcommands.Add(Inherit(kind, context));
        return command;
    }

    private static Option<string> LevelOption() => new("--level")
    {
        Description = "default, server, domain:NAME, user:EMAIL or device:ID",
        HelpName = "LEVEL",
        Required = true,
    };

    private static Command Show(SettingsKind kind, CliContext context)
    {
        var level = LevelOption();
        var user = CliRun.UserOption("For device:ID, the account when several use this DeviceId");
        var json = CliRun.JsonOption();
        var show = new Command("show", "Show every setting in force at a level, and the level it comes from");
        show.Options.Add(level);
        show.Options.Add(user);
        show.Options.Add(json);
        show.SetAction(context, async (result, cancellationToken) =>
        {
            var view = await context.Get<PolicyAdministration>().ShowAsync(kind, result.GetValue(level)!, result.GetValue(user), cancellationToken);
            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(AdminViews.Level(view));
                return;
            }

            await context.Output.WriteLineAsync("SETTING\tVALUE\tFROM");
            foreach (var setting in view.Settings)
            {
                await context.Output.WriteLineAsync($"{setting.Definition.Name}\t{(setting.Value.Length == 0 ? "-" : setting.Value)}\t{setting.From}");
            }
        });
        return show;
    }

    private static Command Set(SettingsKind kind, CliContext context)
    {
        var level = LevelOption();
        var assignments = new Argument<string[]>("KEY=VALUE") { Description = "Settings to customise; KEY=inherit returns one to its parent's value", Arity = ArgumentArity.OneOrMore };
        var set = new Command("set", "Customise settings at a level; every level below that inherits them follows");
        set.Options.Add(level);
        set.Arguments.Add(assignments);
        set.SetAction(context, async (result, cancellationToken) =>
        {
            var values = result.GetValue(assignments) ?? [];
            var parsed = await context.Get<PolicyAdministration>().SetAsync(kind, result.GetValue(level)!, values, cancellationToken);
            await context.Output.WriteLineAsync($"{values.Length} setting{(values.Length == 1 ? "" : "s")} set at {parsed}");
        });
        return set;
    }

    private static Command Inherit(SettingsKind kind, CliContext context)
    {
        var level = LevelOption();
        var names = new Argument<string[]>("KEY") { Description = "Only these settings (default: all of the level)", Arity = ArgumentArity.ZeroOrMore };
        var inherit = new Command("inherit", "Return a level to its parent's settings");
        inherit.Options.Add(level);
        inherit.Arguments.Add(names);
        inherit.SetAction(context, async (result, cancellationToken) =>
        {
            var only = result.GetValue(names) ?? [];
            var parsed = await context.Get<PolicyAdministration>().InheritAsync(kind, result.GetValue(level)!, only, cancellationToken);
            await context.Output.WriteLineAsync(only.Length == 0 ? $"{parsed} inherits every setting" : $"{parsed} inherits {string.Join(", ", only)}");
        });
        return inherit;
    }
}
