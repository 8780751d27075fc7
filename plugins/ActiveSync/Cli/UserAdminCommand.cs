using System.CommandLine;
using Passerelle.ActiveSync.Admin;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary>
/// <c>passerelle user admin EMAIL [--revoke]</c>: grants the administrator role (admin API and console). The
/// grant is kept by this plugin, so it works whatever the store; an account its store marks as an
/// administrator is one too. Joins the store's own <c>user</c> command when there is one.
/// </summary>
internal static class UserAdminCommand
{
    public static Command Create(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account's address" };
        var revoke = new Option<bool>("--revoke") { Description = "Take the role back" };
        var admin = new Command("admin", "Grant an account the administrator role (admin API and web console)");
        admin.Arguments.Add(email);
        admin.Options.Add(revoke);
        admin.SetAction(context, async (result, cancellationToken) =>
        {
            var account = await context.Get<AccountLookup>().RequireAccountAsync(result.GetValue(email)!, cancellationToken);
            var granted = !result.GetValue(revoke);
            await context.Get<AdminRoles>().SetGrantAsync(account.Id, granted, cancellationToken);
            await context.Output.WriteLineAsync(granted ? $"{account.Id} is an administrator" : $"{account.Id} is no longer an administrator here{(account.IsAdmin ? " (its store still marks it as one)" : "")}");
        });

        var user = new Command("user", "Manage accounts");
        user.Subcommands.Add(admin);
        return user;
    }
}
