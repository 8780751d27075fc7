using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Plugins;

namespace Passerelle.GAL.Cli;

/// <summary>A folder the command line named, with its owner and its name as <c>OWNER/Folder Path</c>.</summary>
internal sealed record LocatedFolder(GroupwareFolder Folder, string Label);

/// <summary>
/// Finds the folder a command names: <c>OWNER-EMAIL/Folder Path</c> (the owner's own folder at that path,
/// parent names joined by <c>/</c>, case ignored), or the folder's identifier (every account's folders are
/// looked through, so this is slower on large directories).
/// </summary>
internal sealed class FolderLocator(IAccountDirectory directory, IGroupwareStore store)
{
    public static bool IsPath(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && text[..slash].Contains('@', StringComparison.Ordinal);
    }

    public async Task<LocatedFolder> LocateAsync(string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        return IsPath(text) ? await ByPathAsync(text, cancellationToken) : await ByIdAsync(text, cancellationToken);
    }

    /// <summary>The folder as named now, or <see langword="null"/> when its owner no longer has it.</summary>
    public async Task<LocatedFolder?> FindOwnedAsync(string ownerId, string folderId, CancellationToken cancellationToken)
    {
        var owned = await OwnedFoldersAsync(ownerId, cancellationToken);
        return owned.FirstOrDefault(folder => folder.Id == folderId) is { } found ? new LocatedFolder(found, Label(ownerId, found, owned)) : null;
    }

    private async Task<LocatedFolder> ByPathAsync(string text, CancellationToken cancellationToken)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var ownerText = text[..slash];
        var path = text[(slash + 1)..].Trim('/');
        var owner = await directory.FindAccountAsync(ownerText, cancellationToken)
            ?? throw new CliException($"there is no account {ownerText}");
        var owned = await OwnedFoldersAsync(owner.Id, cancellationToken);
        var matches = owned.Where(folder => string.Equals(PathOf(folder, owned), path, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches switch
        {
            [var folder] => new LocatedFolder(folder, Label(owner.Id, folder, owned)),
            [] => throw new CliException($"{owner.Id} has no folder '{path}'; its address books: {Names(owned)}"),
            _ => throw new CliException($"{owner.Id} has {matches.Count} folders '{path}'; name one by its id: {string.Join(", ", matches.Select(folder => folder.Id))}"),
        };
    }

    private async Task<LocatedFolder> ByIdAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var account in directory.ListAccountsAsync(null, cancellationToken))
        {
            var seen = (await store.GetFoldersAsync(account.Id, cancellationToken)).FirstOrDefault(folder => folder.Id == id);
            if (seen is not null && await FindOwnedAsync(seen.OwnerId, id, cancellationToken) is { } located)
            {
                return located;
            }
        }

        throw new CliException($"there is no folder with the id '{id}'; name a folder OWNER-EMAIL/Folder Name, or by the id 'gal list' shows");
    }

    private async Task<List<GroupwareFolder>> OwnedFoldersAsync(string ownerId, CancellationToken cancellationToken) =>
        (await store.GetFoldersAsync(ownerId, cancellationToken))
            .Where(folder => folder.OwnerId.Equals(ownerId, StringComparison.OrdinalIgnoreCase))
            .ToList();

    private static string Label(string ownerId, GroupwareFolder folder, List<GroupwareFolder> owned) => $"{ownerId}/{PathOf(folder, owned)}";

    private static string PathOf(GroupwareFolder folder, List<GroupwareFolder> owned)
    {
        var names = new List<string> { folder.Name };
        var parentId = folder.ParentId;
        // a cycle in a broken store must not hang the command
        for (var depth = 0; parentId is not null && depth < 64; depth++)
        {
            var parent = owned.FirstOrDefault(candidate => candidate.Id == parentId);
            if (parent is null)
            {
                break;
            }

            names.Insert(0, parent.Name);
            parentId = parent.ParentId;
        }

        return string.Join('/', names);
    }

    private static string Names(List<GroupwareFolder> owned)
    {
        var books = owned.Where(folder => folder.Kind == GroupwareKind.Contacts).Select(folder => $"'{PathOf(folder, owned)}'").ToList();
        return books.Count == 0 ? "none" : string.Join(", ", books);
    }
}
