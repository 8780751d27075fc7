using System.CommandLine;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Sqlite.Accounts;
using Passerelle.Store.Sqlite.Mail;

namespace Passerelle.Store.Sqlite.Cli;

/// <summary><c>passerelle mail import --user EMAIL [--folder NAME] FILE...</c>.</summary>
internal static class MailCommand
{
    public static Command Create(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "The account to import into", Required = true, HelpName = "EMAIL" };
        var folder = new Option<string?>("--folder")
        {
            Description = "The folder, by name or path (Archive/2024); created when missing. Default: the Inbox",
            HelpName = "NAME",
        };
        var files = new Argument<string[]>("FILE") { Description = ".eml files and mbox files", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import RFC 822 (.eml) and mbox files into a folder");
        import.Options.Add(user);
        import.Options.Add(folder);
        import.Arguments.Add(files);
        import.SetAction((result, cancellationToken) => CliServices.RunAsync(async () =>
        {
            var paths = result.GetValue(files)!;
            foreach (var path in paths)
            {
                await CheckFileAsync(path, cancellationToken);
            }

            var account = await CliServices.Require<AccountAdministration>(context).RequireAccountIdAsync(result.GetValue(user)!, cancellationToken);
            var store = CliServices.Require<IMailStore>(context);
            var (folderId, folderName) = await FolderFor(store, account, result.GetValue(folder), cancellationToken);
            var count = await CliServices.Require<MailImporter>(context).ImportAsync(account, folderId, paths, cancellationToken);
            await context.Output.WriteLineAsync($"imported {count} message{(count == 1 ? "" : "s")} into {folderName} of {account}");
        }));

        var command = new Command("mail", "Manage mail in the embedded store");
        command.Subcommands.Add(import);
        return command;
    }

    private static async Task CheckFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await MailImporter.CountAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new CliException($"{path} is not a readable .eml or mbox file: {exception.Message}");
        }
    }

    private static async Task<(string Id, string Name)> FolderFor(IMailStore store, string account, string? path, CancellationToken cancellationToken)
    {
        var folders = await store.GetFoldersAsync(account, cancellationToken);
        if (string.IsNullOrWhiteSpace(path))
        {
            var inbox = folders.Single(f => f.Role == MailFolderRole.Inbox);
            return (inbox.Id, inbox.Name);
        }

        string? parent = null;
        MailFolder? current = null;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            current = folders.FirstOrDefault(f => f.ParentId == parent && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? await store.CreateFolderAsync(account, parent, name, cancellationToken);
            parent = current.Id;
        }

        return current is null ? throw new CliException($"'{path}' is not a folder name.") : (current.Id, path.Trim('/'));
    }
}
