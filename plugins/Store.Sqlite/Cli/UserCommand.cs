using System.CommandLine;
using System.Text.Json;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Sqlite.Accounts;

namespace Passerelle.Store.Sqlite.Cli;

/// <summary><c>passerelle user add|list|passwd|remove</c>.</summary>
internal static class UserCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("user", "Manage the accounts of the local domains");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Passwd(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's address; its domain must be local" };
        var password = PasswordOption();
        var name = new Option<string?>("--name") { Description = "The full name shown to others (default: the address's local part)", HelpName = "Full Name" };
        var admin = new Option<bool>("--admin") { Description = "Let the account administer Passerelle" };
        var add = new Command("add", "Add an account with its mail folders");
        add.Arguments.Add(email);
        add.Options.Add(password);
        add.Options.Add(name);
        add.Options.Add(admin);
        add.SetAction((result, cancellationToken) => CliServices.RunAsync(async () =>
        {
            var account = await CliServices.Require<AccountAdministration>(context).AddAccountAsync(
                result.GetValue(email)!, result.GetValue(password)!, result.GetValue(name), result.GetValue(admin), cancellationToken);
            await context.Output.WriteLineAsync($"user {account.Address} added");
        }));
        return add;
    }

    private static Command List(CliContext context)
    {
        var domain = new Option<string?>("--domain") { Description = "Only the accounts of this domain", HelpName = "NAME" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the accounts");
        list.Options.Add(domain);
        list.Options.Add(json);
        list.SetAction(async (result, cancellationToken) =>
        {
            var accounts = new List<Account>();
            await foreach (var account in CliServices.Require<IAccountDirectory>(context).ListAccountsAsync(result.GetValue(domain), cancellationToken))
            {
                accounts.Add(account);
            }

            if (result.GetValue(json))
            {
                var rows = accounts.Select(a => new { address = a.Address, name = a.DisplayName, admin = a.IsAdmin, aliases = a.Addresses.Skip(1) });
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows));
                return 0;
            }

            foreach (var account in accounts)
            {
                var admin = account.IsAdmin ? " (admin)" : "";
                var aliases = account.Addresses.Count > 1 ? $" aliases: {string.Join(", ", account.Addresses.Skip(1))}" : "";
                await context.Output.WriteLineAsync($"{account.Address}\t{account.DisplayName}{admin}{aliases}");
            }

            return 0;
        });
        return list;
    }

    private static Command Passwd(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's address or alias" };
        var password = PasswordOption();
        var passwd = new Command("passwd", "Set an account's password; its phones must sign in again");
        passwd.Arguments.Add(email);
        passwd.Options.Add(password);
        passwd.SetAction((result, cancellationToken) => CliServices.RunAsync(async () =>
        {
            await CliServices.Require<AccountAdministration>(context).SetPasswordAsync(result.GetValue(email)!, result.GetValue(password)!, cancellationToken);
            await context.Output.WriteLineAsync($"password of {result.GetValue(email)!.Trim().ToLowerInvariant()} changed");
        }));
        return passwd;
    }

    private static Command Remove(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's address or alias" };
        var remove = new Command("remove", "Remove an account with all its mail, contacts, calendars, tasks, notes and files");
        remove.Arguments.Add(email);
        remove.SetAction((result, cancellationToken) => CliServices.RunAsync(async () =>
        {
            await CliServices.Require<AccountAdministration>(context).RemoveAccountAsync(result.GetValue(email)!, cancellationToken);
            await context.Output.WriteLineAsync($"user {result.GetValue(email)!.Trim().ToLowerInvariant()} removed");
        }));
        return remove;
    }

    private static Option<string> PasswordOption() =>
        new("--password") { Description = "The password (it is stored only as a PBKDF2-SHA256 hash)", Required = true, HelpName = "PW" };
}
