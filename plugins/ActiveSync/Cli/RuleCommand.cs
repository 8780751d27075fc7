using System.CommandLine;
using Passerelle.ActiveSync.Admin;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary><c>passerelle rule default|add|list|remove</c>: the access rules that decide what a new device may do.</summary>
internal static class RuleCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rule", "Manage the access rules: allow, block or quarantine new devices");
        command.Subcommands.Add(Default(context));
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Default(CliContext context)
    {
        var action = new Argument<string>("ACTION") { Description = "allow, block or quarantine" };
        var command = new Command("default", "Set the global rule: what a device no other rule matches may do");
        command.Arguments.Add(action);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            await context.Get<RuleAdministration>().SetGlobalAsync(result.GetValue(action)!, cancellationToken);
            await context.Output.WriteLineAsync($"global rule: {result.GetValue(action)!.Trim().ToLowerInvariant()}");
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var scope = new Option<string>("--scope") { Description = "server, domain:NAME or user:EMAIL", HelpName = "SCOPE", Required = true };
        var by = new Option<string?>("--by") { Description = "What a server rule compares: the device's os, model or type", HelpName = "os|model|type" };
        var value = new Option<string?>("--value") { Description = "The value compared (case-sensitive; shorter prefixes of it match too)", HelpName = "VALUE" };
        var action = new Option<string>("--action") { Description = "allow, block or quarantine", HelpName = "ACTION", Required = true };
        var description = new Option<string?>("--description") { Description = "What the rule is for", HelpName = "TEXT" };
        var disabled = new Option<bool>("--disabled") { Description = "Add the rule switched off" };
        var json = CliRun.JsonOption();
        var command = new Command("add", "Add an access rule");
        foreach (var option in new Option[] { scope, by, value, action, description, disabled, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(context, async (result, cancellationToken) =>
        {
            var rule = await context.Get<RuleAdministration>().AddAsync(
                result.GetValue(scope)!, result.GetValue(by), result.GetValue(value), result.GetValue(action)!,
                result.GetValue(description), !result.GetValue(disabled), cancellationToken);
            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(AdminViews.Rule(rule));
                return;
            }

            await context.Output.WriteLineAsync($"rule {rule.Id} added");
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = CliRun.JsonOption();
        var command = new Command("list", "List the access rules, the global rule first");
        command.Options.Add(json);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var rules = (await context.Get<RuleAdministration>().ListAsync(cancellationToken)).Select(AdminViews.Rule).ToList();
            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(rules);
                return;
            }

            await context.Output.WriteLineAsync("ID\tSCOPE\tBY\tVALUE\tACTION\tENABLED\tDESCRIPTION");
            foreach (var rule in rules)
            {
                await context.Output.WriteLineAsync(string.Join('\t', rule.Id, rule.Scope, rule.By ?? "-", rule.Value ?? "-", rule.Action, rule.Enabled ? "yes" : "no", rule.Description ?? ""));
            }
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<string>("RULE-ID") { Description = "The rule's id, as rule list shows it" };
        var command = new Command("remove", "Remove an access rule");
        command.Arguments.Add(id);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            await context.Get<RuleAdministration>().RemoveAsync(result.GetValue(id)!, cancellationToken);
            await context.Output.WriteLineAsync($"rule {result.GetValue(id)!.Trim()} removed");
        });
        return command;
    }
}
