using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Conversion.ICalendar;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary>
/// <c>passerelle import FILE... --user EMAIL [--folder NAME]</c>: vCard contacts, iCalendar events (VEVENT) and
/// tasks (VTODO) into the account's default folder of their kind, or the named one; an item whose UID is there
/// already is replaced. <c>passerelle export --user EMAIL --kind contacts|calendar|tasks [--folder NAME] [--output FILE]</c>.
/// Both work on whichever store provides groupware.
/// </summary>
internal static class GroupwareFileCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [Import(context), Export(context)];

    private static Command Import(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "vCard (.vcf) or iCalendar (.ics) files", Arity = ArgumentArity.OneOrMore };
        var user = new Option<string>("--user") { Description = "The account the items go to", HelpName = "EMAIL", Required = true };
        var folder = new Option<string?>("--folder") { Description = "A folder of the account instead of its default one", HelpName = "NAME" };
        var command = new Command("import", "Import contacts (vCard) and events and tasks (iCalendar) into an account's folders");
        command.Arguments.Add(files);
        command.Options.Add(user);
        command.Options.Add(folder);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var account = await AccountAsync(context, result.GetValue(user)!, cancellationToken);
            var counts = new Dictionary<GroupwareKind, int>();
            foreach (var path in result.GetValue(files)!)
            {
                foreach (var item in ItemsOf(await File.ReadAllTextAsync(path, cancellationToken), path))
                {
                    var target = await FolderAsync(context, account.Id, item.Kind, result.GetValue(folder), cancellationToken);
                    await StoreAsync(context, account.Id, target, item, cancellationToken);
                    counts[item.Kind] = counts.GetValueOrDefault(item.Kind) + 1;
                }
            }

            await context.Output.WriteLineAsync(counts.Count == 0 ? "Nothing to import." : string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")) + $" imported for {account.Address}.");
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "The account", HelpName = "EMAIL", Required = true };
        var kind = new Option<string>("--kind") { Description = "What to export", HelpName = "contacts|calendar|tasks", Required = true };
        var folder = new Option<string?>("--folder") { Description = "A folder of the account instead of its default one", HelpName = "NAME" };
        var output = new Option<string?>("--output") { Description = "The file to write; the standard output otherwise", HelpName = "FILE" };
        var command = new Command("export", "Export an account's contacts as vCard, or its events or tasks as iCalendar");
        command.Options.Add(user);
        command.Options.Add(kind);
        command.Options.Add(folder);
        command.Options.Add(output);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var account = await AccountAsync(context, result.GetValue(user)!, cancellationToken);
            var groupwareKind = result.GetValue(kind)?.ToLowerInvariant() switch
            {
                "contacts" => GroupwareKind.Contacts,
                "calendar" => GroupwareKind.Calendar,
                "tasks" => GroupwareKind.Tasks,
                var other => throw new CliException($"--kind is '{other}'; say contacts, calendar or tasks."),
            };
            var source = await FolderAsync(context, account.Id, groupwareKind, result.GetValue(folder), cancellationToken);
            var items = await AllAsync(Store(context), account.Id, source.Id, cancellationToken);
            var text = groupwareKind switch
            {
                GroupwareKind.Contacts => VCards.Write(items.OfType<Contact>()),
                GroupwareKind.Calendar => ICalendarEvents.Write(null, items.OfType<CalendarEvent>()),
                _ => ICalendarTasks.Write(items.OfType<TaskItem>()),
            };
            if (result.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
                await context.Output.WriteLineAsync($"{items.Count} items written to {path}.");
            }
            else
            {
                await context.Output.WriteAsync(text);
            }
        });
        return command;
    }

    private static IEnumerable<GroupwareItem> ItemsOf(string text, string path)
    {
        try
        {
            if (text.Contains("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase))
            {
                return VCards.Read(text);
            }

            if (text.Contains("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            {
                return [.. ICalendarEvents.Read(text).Events.Select(e => e with { MeetingStatus = e.Attendees.Count > 0 ? MeetingStatus.Attendee : e.MeetingStatus }), .. ICalendarTasks.Read(text)];
            }
        }
        catch (ConversionException bad)
        {
            throw new CliException($"{path}: {bad.Message}");
        }

        throw new CliException($"{path} is neither a vCard nor an iCalendar file.");
    }

    private static async Task StoreAsync(CliContext context, string accountId, GroupwareFolder folder, GroupwareItem item, CancellationToken cancellationToken)
    {
        var store = Store(context);
        var existing = item.Uid is null ? null : (await AllAsync(store, accountId, folder.Id, cancellationToken)).FirstOrDefault(i => i.Uid == item.Uid);
        if (existing is null)
        {
            await store.CreateItemAsync(accountId, folder.Id, item, cancellationToken);
        }
        else
        {
            await store.UpdateItemAsync(accountId, folder.Id, item with { Id = existing.Id }, cancellationToken);
        }
    }

    private static async Task<List<GroupwareItem>> AllAsync(IGroupwareStore store, string accountId, string folderId, CancellationToken cancellationToken)
    {
        var items = new List<GroupwareItem>();
        ChangeState? state = null;
        FolderChanges<GroupwareItem> page;
        do
        {
            page = await store.GetChangesAsync(accountId, folderId, state, 1000, cancellationToken);
            items.AddRange(page.Changed);
            state = page.State;
        }
        while (page.MoreAvailable);
        return items;
    }

    private static async Task<GroupwareFolder> FolderAsync(CliContext context, string accountId, GroupwareKind kind, string? name, CancellationToken cancellationToken)
    {
        var folders = (await Store(context).GetFoldersAsync(accountId, cancellationToken)).Where(f => f.Kind == kind).ToList();
        return (name is null
                ? folders.FirstOrDefault(f => f.Role == GroupwareFolderRole.Default)
                : folders.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            ?? throw new CliException(name is null ? $"The account has no default {kind} folder." : $"The account has no {kind} folder named '{name}'.");
    }

    private static async Task<Account> AccountAsync(CliContext context, string address, CancellationToken cancellationToken)
    {
        foreach (var directory in context.Services.GetServices<IAccountDirectory>())
        {
            if (await directory.FindAccountAsync(address, cancellationToken) is { } account)
            {
                return account;
            }
        }

        throw new CliException($"There is no account {address}.");
    }

    private static IGroupwareStore Store(CliContext context) =>
        context.Services.GetServices<IGroupwareStore>().LastOrDefault() ?? throw new CliException("No store plugin provides contacts and calendars.");
}
