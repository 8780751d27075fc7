using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Admin;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary>What the administration commands share: their services, refusals as one line, JSON output.</summary>
internal static class CliRun
{
    /// <summary>Who the changes made from the command line are recorded as made by.</summary>
    public const string Actor = "the command line";

    public static void SetAction(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                await action(result, cancellationToken);
                return 0;
            }
            catch (AdminException refused)
            {
                throw new CliException(refused.Message);
            }
        });

    public static T Get<T>(this CliContext context) where T : notnull => context.Services.GetRequiredService<T>();

    public static Task WriteJsonAsync(this CliContext context, object value) =>
        context.Output.WriteLineAsync(JsonSerializer.Serialize(value, AdminViews.Json));

    public static Option<bool> JsonOption() => new("--json") { Description = "Print JSON" };

    public static Option<string?> UserOption(string description = "The account, when several use this DeviceId") =>
        new("--user") { Description = description, HelpName = "EMAIL" };
}
