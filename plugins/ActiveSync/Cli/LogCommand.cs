using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Logging;
using Passerelle.ActiveSync.State;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary><c>passerelle log on|off|show --device ID|--user EMAIL</c>: the per-device protocol log.</summary>
internal static class LogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("log", "Switch the ActiveSync protocol log on or off for a user or a device, or show it");
        command.Subcommands.Add(Switch("on", true, context));
        command.Subcommands.Add(Switch("off", false, context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static (Option<string?> Device, Option<string?> User) ScopeOptions(Command command)
    {
        var device = new Option<string?>("--device") { Description = "A device, by its DeviceId", HelpName = "ID" };
        var user = new Option<string?>("--user") { Description = "A user, by address", HelpName = "EMAIL" };
        command.Options.Add(device);
        command.Options.Add(user);
        return (device, user);
    }

    private static string ScopeOf(ParseResult result, Option<string?> device, Option<string?> user) =>
        (result.GetValue(device), result.GetValue(user)) switch
        {
            ({ Length: > 0 } id, null) => ProtocolLogSwitches.DeviceScope(id),
            (null, { Length: > 0 } email) when email.Contains('@', StringComparison.Ordinal) => ProtocolLogSwitches.UserScope(email),
            (null, { Length: > 0 } email) => throw new CliException($"'{email}' is not an e-mail address"),
            _ => throw new CliException("give exactly one of --device ID or --user EMAIL"),
        };

    private static Command Switch(string name, bool on, CliContext context)
    {
        var command = new Command(name, on ? "Start keeping the protocol log" : "Stop keeping the protocol log");
        var (device, user) = ScopeOptions(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var scope = ScopeOf(result, device, user);
            await context.Services.GetRequiredService<ProtocolLogSwitches>().SetAsync(scope, on, cancellationToken);
            await context.Output.WriteLineAsync($"protocol log {name} for {scope}");
            return 0;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var command = new Command("show", "Print the kept protocol log, oldest first");
        var (device, user) = ScopeOptions(command);
        var last = new Option<int>("--last") { Description = "Only the last N entries", DefaultValueFactory = _ => 200, HelpName = "N" };
        command.Options.Add(last);
        command.SetAction(async (result, cancellationToken) =>
        {
            var scope = ScopeOf(result, device, user);
            var (column, value) = scope.StartsWith("device:", StringComparison.Ordinal) ? ("device_id", scope["device:".Length..]) : ("account_id", scope["user:".Length..]);
            var database = context.Services.GetRequiredService<StateDatabase>();
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var query = connection.Command(
                $"SELECT at, entry FROM (SELECT id, at, entry FROM protocol_log WHERE {column} = $value ORDER BY id DESC LIMIT $last) ORDER BY id",
                ("$value", value), ("$last", result.GetValue(last)));
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await context.Output.WriteLineAsync($"--- {reader.GetString(0)}");
                await context.Output.WriteLineAsync(reader.GetString(1));
            }

            return 0;
        });
        return command;
    }
}
