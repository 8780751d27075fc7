using MailKit;
using MailKit.Net.Imap;
using Passerelle.Sdk.Mail;

using MailFolder = Passerelle.Sdk.Mail.MailFolder;
using IMailStore = Passerelle.Sdk.Mail.IMailStore;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// The folders of one session's personal namespace, as the SDK shows them. A folder's identifier is its full
/// IMAP name (Dovecot 2.3 has no OBJECTID, RFC 8474); it is read again from the server on every listing, so
/// that folders created, renamed or deleted by another client show up at once.
/// </summary>
internal static class FolderCatalog
{
    public static async Task<IReadOnlyList<MailFolder>> ListAsync(ImapClient client, bool createMissing, CancellationToken cancellationToken)
    {
        var folders = await ReadAsync(client, cancellationToken);
        if (createMissing)
        {
            var missing = SpecialFolderNames.Required.Where(required => folders.All(folder => folder.Role != required.Role)).ToList();
            if (missing.Count > 0)
            {
                var root = client.GetFolder(client.PersonalNamespaces[0]);
                foreach (var (_, name) in missing)
                {
                    await CreateIgnoringExistingAsync(root, name, cancellationToken);
                }

                folders = await ReadAsync(client, cancellationToken);
            }
        }

        return folders;
    }

    /// <summary>The folder and its subfolders, deepest first (the order to delete them in).</summary>
    public static async Task<IReadOnlyList<IMailFolder>> SubtreeAsync(ImapClient client, IMailFolder folder, CancellationToken cancellationToken)
    {
        var all = await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.None, false, cancellationToken);
        var prefix = folder.FullName + folder.DirectorySeparator;
        return all.Where(candidate => candidate.FullName.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(candidate => candidate.FullName.Length)
            .Append(folder)
            .ToList();
    }

    public static MailFolderRole RoleOf(IReadOnlyList<MailFolder> folders, string folderId) =>
        folders.FirstOrDefault(folder => folder.Id == folderId)?.Role ?? MailFolderRole.None;

    private static async Task<IReadOnlyList<MailFolder>> ReadAsync(ImapClient client, CancellationToken cancellationToken)
    {
        var listed = (await client.GetFoldersAsync(client.PersonalNamespaces[0], StatusItems.None, false, cancellationToken))
            .Where(folder => (folder.Attributes & (FolderAttributes.NonExistent | FolderAttributes.NoSelect)) == 0)
            .ToList();
        if (listed.All(folder => !folder.FullName.Equals("INBOX", StringComparison.OrdinalIgnoreCase)))
        {
            listed.Insert(0, client.Inbox);
        }

        var roles = AssignRoles(listed);
        var ids = listed.Select(folder => folder.FullName).ToHashSet(StringComparer.Ordinal);
        var folders = listed
            .Select(folder => new MailFolder(folder.FullName, ParentOf(folder, ids), DisplayName(folder, roles), roles.GetValueOrDefault(folder.FullName)))
            .ToList();
        var parents = folders.ToDictionary(folder => folder.Id, folder => folder.ParentId, StringComparer.Ordinal);
        return folders
            .OrderBy(folder => Depth(folder.Id, parents))
            .ThenBy(folder => folder.Role == MailFolderRole.Inbox ? 0 : 1)
            .ThenBy(folder => folder.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, MailFolderRole> AssignRoles(IReadOnlyList<IMailFolder> folders)
    {
        var roles = new Dictionary<string, MailFolderRole>(StringComparer.Ordinal);
        foreach (var folder in folders.Where(folder => folder.FullName.Equals("INBOX", StringComparison.OrdinalIgnoreCase)))
        {
            roles[folder.FullName] = MailFolderRole.Inbox;
        }

        foreach (var (role, attribute, names) in SpecialFolderNames.Roles)
        {
            var chosen = folders.FirstOrDefault(folder => folder.Attributes.HasFlag(attribute) && !roles.ContainsKey(folder.FullName))
                ?? names.Select(name => folders
                        .Where(folder => !roles.ContainsKey(folder.FullName) && folder.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                        .OrderBy(folder => folder.FullName.Length)
                        .FirstOrDefault())
                    .FirstOrDefault(folder => folder is not null);
            if (chosen is not null && !roles.ContainsValue(role))
            {
                roles[chosen.FullName] = role;
            }
        }

        return roles;
    }

    // A folder whose parent is not listed (not selectable, or outside the namespace) hangs from the nearest listed ancestor.
    private static string? ParentOf(IMailFolder folder, HashSet<string> ids)
    {
        for (var parent = folder.ParentFolder; parent is not null && parent.FullName.Length > 0; parent = parent.ParentFolder)
        {
            if (ids.Contains(parent.FullName))
            {
                return parent.FullName;
            }
        }

        return null;
    }

    private static int Depth(string id, Dictionary<string, string?> parents)
    {
        var depth = 0;
        while (parents.GetValueOrDefault(id) is { } parent)
        {
            (id, depth) = (parent, depth + 1);
        }

        return depth;
    }

    private static async Task CreateIgnoringExistingAsync(IMailFolder root, string name, CancellationToken cancellationToken)
    {
        try
        {
            await root.CreateAsync(name, isMessageFolder: true, cancellationToken);
        }
        catch (ImapCommandException)
        {
            // created meanwhile by another request or client; the next listing shows it
        }
    }

    // INBOX is the mailbox's name in the protocol (RFC 3501 5.1), not a name to show: mail clients show "Inbox".
    private static string DisplayName(IMailFolder folder, Dictionary<string, MailFolderRole> roles) =>
        roles.GetValueOrDefault(folder.FullName) == MailFolderRole.Inbox ? "Inbox" : folder.Name;
}
