using System.CommandLine;
using System.Text.Json;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Sqlite.Accounts;

namespace Passerelle.Store.Sqlite.Cli;

/// <summary><c>passerelle domain add NAME</c> and <c>passerelle domain list [--json]</c>.</summary>
internal static class DomainCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The domain name, e.g. example.com" };
        var add = new Command("add", "Serve a mail domain: its addresses become local accounts");
        add.Arguments.Add(name);
        add.SetAction((result, cancellationToken) => CliServices.RunAsync(async () =>
        {
            var domain = await CliServices.Require<AccountAdministration>(context).AddDomainAsync(result.GetValue(name)!, cancellationToken);
            await context.Output.WriteLineAsync($"domain {domain} added");
        }));

        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the local domains");
        list.Options.Add(json);
        list.SetAction(async (result, cancellationToken) =>
        {
            var domains = await CliServices.Require<IAccountDirectory>(context).ListDomainsAsync(cancellationToken);
            await context.Output.WriteLineAsync(result.GetValue(json) ? JsonSerializer.Serialize(domains) : string.Join(Environment.NewLine, domains));
            return 0;
        });

        var command = new Command("domain", "Manage the local mail domains");
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
