using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Passerelle.Sdk.Mail;

using MailFolder = Passerelle.Sdk.Mail.MailFolder;
using IMailStore = Passerelle.Sdk.Mail.IMailStore;

namespace Passerelle.Store.Imap.Mail;

internal sealed partial class ImapMailStore
{
    public Task<MailSearchResult> SearchAsync(string accountId, MailSearchQuery query, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, "searching", async client =>
        {
            var criteria = Criteria(query);
            var matches = new List<(string FolderId, UniqueId Uid, DateTimeOffset ReceivedAt)>();
            foreach (var folderId in await FoldersToSearchAsync(client, query, cancellationToken))
            {
                var folder = await client.SelectForReadingAsync(folderId, cancellationToken);
                // No shortcut on folder.Count: a kept selection counts what the server last reported, not what is there now.
                var uids = await folder.SearchAsync(criteria, cancellationToken);
                if (uids.Count == 0)
                {
                    continue;
                }

                foreach (var summary in await folder.FetchAsync(uids, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate), cancellationToken))
                {
                    var received = summary.InternalDate ?? DateTimeOffset.UnixEpoch;
                    // IMAP SINCE and BEFORE compare dates only (RFC 3501 6.4.4): the exact bounds are applied here.
                    if ((query.ReceivedSince is null || received >= query.ReceivedSince) && (query.ReceivedBefore is null || received < query.ReceivedBefore))
                    {
                        matches.Add((folderId, summary.UniqueId, received));
                    }
                }
            }

            var page = matches
                .OrderByDescending(match => match.ReceivedAt)
                .ThenBy(match => match.FolderId, StringComparer.Ordinal)
                .ThenByDescending(match => match.Uid.Id)
                .Skip(Math.Max(0, query.Offset))
                .Take(Math.Max(0, query.Limit))
                .ToList();
            var messages = new List<MailMessage>(page.Count);
            foreach (var group in page.GroupBy(match => match.FolderId))
            {
                var folder = await client.SelectForReadingAsync(group.Key, cancellationToken);
                messages.AddRange(await MessageFetcher.FetchAsync(folder, group.Select(match => match.Uid).ToList(), cancellationToken));
            }

            var order = page.Select((match, index) => (match.FolderId, match.Uid.Id, index)).ToDictionary(key => (key.FolderId, key.Id), key => key.index);
            var sorted = messages.OrderBy(message => order[(message.FolderId, uint.Parse(message.Id, System.Globalization.CultureInfo.InvariantCulture))]).ToList();
            return new MailSearchResult(sorted, matches.Count);
        }, cancellationToken);

    private static SearchQuery Criteria(MailSearchQuery query)
    {
        SearchQuery criteria = SearchQuery.All;
        // Words, not a query language: quotes group nothing, operators are text (IMAP SEARCH matches substrings).
        foreach (var word in query.Text.Replace("\"", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            criteria = criteria.And(SearchQuery.SubjectContains(word).Or(SearchQuery.BodyContains(word)).Or(SearchQuery.FromContains(word)));
        }

        if (query.ReceivedSince is { } since)
        {
            criteria = criteria.And(SearchQuery.DeliveredAfter(since.UtcDateTime.Date.AddDays(-1)));
        }

        if (query.ReceivedBefore is { } before)
        {
            criteria = criteria.And(SearchQuery.DeliveredBefore(before.UtcDateTime.Date.AddDays(2)));
        }

        return criteria;
    }

    private static async Task<IReadOnlyList<string>> FoldersToSearchAsync(ImapClient client, MailSearchQuery query, CancellationToken cancellationToken)
    {
        var folders = await FolderCatalog.ListAsync(client, createMissing: false, cancellationToken);
        if (query.FolderId is not { } root)
        {
            return folders.Select(folder => folder.Id).ToList();
        }

        if (folders.All(folder => folder.Id != root))
        {
            throw new Sdk.Errors.FolderNotFoundException($"Folder '{root}' does not exist.");
        }

        if (!query.DeepTraversal)
        {
            return [root];
        }

        var separator = client.PersonalNamespaces[0].DirectorySeparator;
        return folders.Where(folder => folder.Id == root || folder.Id.StartsWith(root + separator, StringComparison.Ordinal)).Select(folder => folder.Id).ToList();
    }
}
