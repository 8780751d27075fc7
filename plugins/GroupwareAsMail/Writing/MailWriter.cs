using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passerelle.GroupwareAsMail.Folders;
using Passerelle.GroupwareAsMail.Messages;
using Passerelle.GroupwareAsMail.State;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;

namespace Passerelle.GroupwareAsMail.Writing;

/// <summary>
/// Brings an account's written mail folders in step with its view: computes the wanted folders and messages,
/// compares them with what was written (<see cref="WrittenMail"/>) and with what the folders hold, and applies
/// the difference. A changed item is appended again and its old message deleted; a message in these folders
/// that no item wants (another client's, or one written before a crash) is deleted.
/// </summary>
internal sealed class MailWriter(MailViewBuilder views, ItemMessages messages, WrittenMail written, IEnumerable<IGroupwareStore> groupwareStores, IEnumerable<IMailStore> mailStores)
{
    private const int Page = 500;

    private IGroupwareStore Groupware => groupwareStores.Last();

    private IMailStore Mail => mailStores.Last();

    public bool CanWrite => groupwareStores.Any() && mailStores.Any();

    /// <summary>A digest of everything a pass would read: unchanged, the written folders need nothing.</summary>
    public async Task<string> FingerprintAsync(string accountId, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var view in views.Build(await Groupware.GetFoldersAsync(accountId, cancellationToken)))
        {
            text.Append(view.Folder.Id).Append('|').Append(view.Folder.ParentId).Append('|').Append(view.Folder.Name).Append('|');
            if (view.Source is { } source)
            {
                text.Append(await Groupware.GetStateAsync(accountId, source.Id, cancellationToken));
            }

            text.Append('\n');
        }

        foreach (var (_, mailFolderId) in (await written.FoldersAsync(accountId, cancellationToken)).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(mailFolderId).Append('=').Append(await MailStateAsync(accountId, mailFolderId, cancellationToken)).Append('\n');
        }

        return Digest(text.ToString());
    }

    public async Task WriteAsync(string accountId, CancellationToken cancellationToken)
    {
        var wanted = views.Build(await Groupware.GetFoldersAsync(accountId, cancellationToken));
        var known = await written.FoldersAsync(accountId, cancellationToken);
        var placed = await PlaceFoldersAsync(accountId, wanted, known, cancellationToken);
        foreach (var (viewId, mailFolderId) in known.Where(pair => !placed.ContainsKey(pair.Key)))
        {
            await DeleteFolderAsync(accountId, mailFolderId, placed.Values, cancellationToken);
            await written.RemoveFolderAsync(accountId, viewId, cancellationToken);
        }

        foreach (var view in wanted.Where(v => v.Source is not null))
        {
            await WriteMessagesAsync(accountId, view, placed[view.Folder.Id], cancellationToken);
        }
    }

    /// <summary>Deletes everything written for an account (its switch was turned off).</summary>
    public async Task RemoveAsync(string accountId, CancellationToken cancellationToken)
    {
        var known = await written.FoldersAsync(accountId, cancellationToken);
        if (known.TryGetValue(FolderIds.Root, out var root))
        {
            await DeleteFolderAsync(accountId, root, [], cancellationToken);
        }

        foreach (var viewId in known.Keys)
        {
            await written.RemoveFolderAsync(accountId, viewId, cancellationToken);
        }
    }

    /// <summary>Finds, renames or creates the mail folder of each view folder, parents first.</summary>
    private async Task<Dictionary<string, string>> PlaceFoldersAsync(string accountId, IReadOnlyList<MailView> wanted, Dictionary<string, string> known, CancellationToken cancellationToken)
    {
        var mailFolders = await Mail.GetFoldersAsync(accountId, cancellationToken);
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var view in wanted)
        {
            var parent = view.Folder.ParentId is { } parentView ? placed[parentView] : null;
            var name = view.Folder.Name;
            var current = known.TryGetValue(view.Folder.Id, out var mapped) ? mailFolders.FirstOrDefault(f => f.Id == mapped) : null;
            current ??= mailFolders.FirstOrDefault(f => f.ParentId == parent && f.Name == name);
            if (current is null)
            {
                current = await Mail.CreateFolderAsync(accountId, parent, name, cancellationToken);
                mailFolders = [.. mailFolders, current];
            }
            else if (current.ParentId != parent || current.Name != name)
            {
                // A rename may change the identifiers of the folder and of those under it (IMAP names folders by path).
                current = await Mail.UpdateFolderAsync(accountId, current.Id, parent, name, cancellationToken);
                mailFolders = await Mail.GetFoldersAsync(accountId, cancellationToken);
            }

            placed[view.Folder.Id] = current.Id;
            if (mapped != current.Id)
            {
                await written.SetFolderAsync(accountId, view.Folder.Id, current.Id, cancellationToken);
            }
        }

        return placed;
    }

    private async Task WriteMessagesAsync(string accountId, MailView view, string mailFolderId, CancellationToken cancellationToken)
    {
        var source = view.Source!;
        var items = await ItemsAsync(accountId, source.Id, cancellationToken);
        var present = await MessageIdsAsync(accountId, mailFolderId, cancellationToken);
        var known = await written.MessagesAsync(accountId, view.Folder.Id, cancellationToken);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var version = VersionOf(item, view.Path);
            if (known.TryGetValue(item.Id, out var message) && message.Version == version && present.Contains(message.MessageId))
            {
                kept.Add(message.MessageId);
                continue;
            }

            await using var mime = await messages.OpenAsync(Groupware, accountId, source, view.Path, item, cancellationToken);
            var appended = await Mail.AppendAsync(accountId, mailFolderId, mime, MessageFlags.None, item.LastModified, cancellationToken);
            await written.SetMessageAsync(accountId, view.Folder.Id, item.Id, new WrittenMessage(version, appended.Id), cancellationToken);
            kept.Add(appended.Id);
        }

        var itemIds = items.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in known.Keys.Where(id => !itemIds.Contains(id)))
        {
            await written.RemoveMessageAsync(accountId, view.Folder.Id, gone, cancellationToken);
        }

        var stale = present.Where(id => !kept.Contains(id)).ToList();
        if (stale.Count > 0)
        {
            await Mail.DeleteMessagesAsync(accountId, mailFolderId, stale, cancellationToken);
        }
    }

    private async Task DeleteFolderAsync(string accountId, string mailFolderId, IEnumerable<string> inUse, CancellationToken cancellationToken)
    {
        if (inUse.Contains(mailFolderId))
        {
            return;
        }

        try
        {
            await Mail.DeleteFolderAsync(accountId, mailFolderId, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            // Gone already, with its parent or by another client.
        }
    }

    private async Task<List<GroupwareItem>> ItemsAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        var items = new List<GroupwareItem>();
        for (Sdk.Changes.ChangeState? since = null; ;)
        {
            var page = await Groupware.GetChangesAsync(accountId, folderId, since, Page, cancellationToken);
            items.AddRange(page.Changed);
            if (!page.MoreAvailable)
            {
                return items;
            }

            since = page.State;
        }
    }

    private async Task<HashSet<string>> MessageIdsAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (Sdk.Changes.ChangeState? since = null; ;)
        {
            var page = await Mail.GetChangesAsync(accountId, folderId, since, Page, cancellationToken);
            ids.UnionWith(page.Changed.Select(message => message.Id));
            ids.ExceptWith(page.Removed);
            if (!page.MoreAvailable)
            {
                return ids;
            }

            since = page.State;
        }
    }

    private async Task<string> MailStateAsync(string accountId, string folderId, CancellationToken cancellationToken)
    {
        try
        {
            return (await Mail.GetStateAsync(accountId, folderId, cancellationToken)).Value;
        }
        catch (FolderNotFoundException)
        {
            return "missing";
        }
    }

    // The message shows every field of the item and the folder's path (files): a digest of both is its version.
    private static string VersionOf(GroupwareItem item, string folderPath) =>
        Digest(JsonSerializer.Serialize(item) + "\n" + folderPath);

    private static string Digest(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
