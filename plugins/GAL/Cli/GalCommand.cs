using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.GAL.Flags;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Plugins;

namespace Passerelle.GAL.Cli;

/// <summary><c>passerelle gal flag FOLDER</c>, <c>gal unflag FOLDER</c> and <c>gal list [--json]</c>.</summary>
internal static class GalCommand
{
    private const string FolderHelp = "OWNER-EMAIL/Folder Name, or the folder's id";

    public static Command Create(CliContext context)
    {
        var command = new Command("gal", "Choose the address books listed in the global address list (besides the accounts of each domain)");
        command.Subcommands.Add(Flag(context));
        command.Subcommands.Add(Unflag(context));
        command.Subcommands.Add(List(context));
        return command;
    }

    private static Command Flag(CliContext context)
    {
        var folder = new Argument<string>("FOLDER") { Description = FolderHelp };
        var flag = new Command("flag", "Put an address book in the GAL of its owner's domain; it is searched within seconds");
        flag.Arguments.Add(folder);
        flag.SetAction(async (result, cancellationToken) =>
        {
            var located = await Locator(context).LocateAsync(result.GetValue(folder)!, cancellationToken);
            if (located.Folder.Kind != GroupwareKind.Contacts)
            {
                throw new CliException($"{located.Label} holds {located.Folder.Kind.ToString().ToLowerInvariant()}, not contacts; only address books can be in the GAL");
            }

            var added = await Flags(context).AddAsync(located.Folder.OwnerId, located.Folder.Id, located.Label, cancellationToken);
            await context.Output.WriteLineAsync(added is null
                ? $"{located.Label} is already in the GAL"
                : $"{located.Label} is in the GAL of {added.Domain} (folder id {located.Folder.Id})");
            return 0;
        });
        return flag;
    }

    private static Command Unflag(CliContext context)
    {
        var folder = new Argument<string>("FOLDER") { Description = FolderHelp };
        var unflag = new Command("unflag", "Take an address book out of the GAL");
        unflag.Arguments.Add(folder);
        unflag.SetAction(async (result, cancellationToken) =>
        {
            var text = result.GetValue(folder)!.Trim();
            var flag = await FindFlagAsync(context, text, cancellationToken)
                ?? throw new CliException($"{text} is not in the GAL; 'gal list' shows what is");
            await Flags(context).RemoveAsync(flag.FolderId, cancellationToken);
            await context.Output.WriteLineAsync($"{flag.Label} is no longer in the GAL");
            return 0;
        });
        return unflag;
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var list = new Command("list", "List the flagged address books, in merge order, and the groups whose members are in the GAL");
        list.Options.Add(json);
        list.SetAction(async (result, cancellationToken) =>
        {
            var folders = new List<FolderRow>();
            foreach (var flag in await Flags(context).ListAsync(cancellationToken))
            {
                var now = context.Services.GetService<IGroupwareStore>() is not null && context.Services.GetService<IAccountDirectory>() is not null
                    ? await Locator(context).FindOwnedAsync(flag.OwnerId, flag.FolderId, cancellationToken)
                    : null;
                folders.Add(new FolderRow(flag.Order, now?.Label ?? flag.Label, flag.FolderId, flag.OwnerId, now is not null, flag.FlaggedAt));
            }

            var groups = new List<Group>();
            if (context.Services.GetService<IAccountDirectory>() is { } directory)
            {
                await foreach (var group in directory.ListGroupsAsync(null, cancellationToken))
                {
                    if (group.MembersInGal)
                    {
                        groups.Add(group);
                    }
                }
            }

            if (result.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    folders = folders.Select(row => new { order = row.Order, folder = row.Label, id = row.Id, owner = row.OwnerId, found = row.Found, flaggedAt = row.FlaggedAt }),
                    groups = groups.Select(group => new { address = group.Address, name = group.DisplayName, members = group.Members.Count }),
                }));
                return 0;
            }

            await WriteTextAsync(context.Output, folders, groups);
            return 0;
        });
        return list;
    }

    private static async Task WriteTextAsync(TextWriter output, List<FolderRow> folders, List<Group> groups)
    {
        if (folders.Count == 0)
        {
            await output.WriteLineAsync("No address book is flagged: the GAL lists the accounts and groups of each domain.");
        }
        else
        {
            await output.WriteLineAsync("Flagged address books, in merge order (after the directory's accounts):");
            foreach (var row in folders)
            {
                var state = row.Found ? "" : "  (not found: its owner no longer has it)";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {row.Order,3}  {row.Label}  id {row.Id}{state}"));
            }
        }

        if (groups.Count > 0)
        {
            await output.WriteLineAsync("Groups putting their members in the GAL (in their domain, only such members are listed):");
            foreach (var group in groups)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {group.Address}  {group.DisplayName}  ({group.Members.Count} members)"));
            }
        }
    }

    // By id or by the name it was flagged under, so that a folder deleted or renamed since can still be unflagged.
    private static async Task<FlaggedFolder?> FindFlagAsync(CliContext context, string text, CancellationToken cancellationToken)
    {
        var flags = await Flags(context).ListAsync(cancellationToken);
        var direct = flags.FirstOrDefault(flag => flag.FolderId == text || string.Equals(flag.Label, text, StringComparison.OrdinalIgnoreCase));
        if (direct is not null || !FolderLocator.IsPath(text))
        {
            return direct;
        }

        var located = await Locator(context).LocateAsync(text, cancellationToken);
        return flags.FirstOrDefault(flag => flag.FolderId == located.Folder.Id);
    }

    private static GalFlagStore Flags(CliContext context) => context.Services.GetRequiredService<GalFlagStore>();

    private static FolderLocator Locator(CliContext context) =>
        new(
            context.Services.GetService<IAccountDirectory>() ?? throw new CliException("no account directory is loaded (is a store plugin enabled?)"),
            context.Services.GetService<IGroupwareStore>() ?? throw new CliException("no groupware store is loaded, so there are no address books to flag"));

    private sealed record FolderRow(long Order, string Label, string Id, string OwnerId, bool Found, DateTimeOffset FlaggedAt);
}
