using Passerelle.ActiveSync.Conversion.Email;
using Passerelle.ActiveSync.Folders;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// Runs a mailbox search against the mail store (its full-text index: subject, body, sender) and reads each
/// match as the Email item the device asked for. A result's LongId is its ServerId, which ItemOperations,
/// SmartReply and SmartForward accept.
/// </summary>
internal sealed class MailboxSearch(FolderHierarchyBuilder hierarchy, IEnumerable<IMailStore> mailStores)
{
    /// <exception cref="SearchRequestException">The collection is unknown or not a searchable mail folder.</exception>
    public async Task<MailboxSearchResult> RunAsync(EasContext context, MailboxQuery query, CancellationToken cancellationToken)
    {
        var store = mailStores.LastOrDefault() ?? throw new SearchRequestException(SearchStatus.ServerError, "no store plugin provides mail");
        var folders = await hierarchy.BuildAsync(context.VirtualContext, context.Version, cancellationToken);
        var byStoreId = folders.Where(f => f.Class == EasClass.Email && f.Store.Source == FolderSource.Mail).ToDictionary(f => f.Store.FolderId, StringComparer.Ordinal);
        string? folderId = null;
        if (query.CollectionId is { } collectionId)
        {
            var folder = folders.FirstOrDefault(f => f.ServerId == collectionId)
                ?? throw new SearchRequestException(SearchStatus.FolderSyncRequired, $"there is no collection {collectionId}");
            if (folder.Class != EasClass.Email || folder.Store.Source != FolderSource.Mail)
            {
                throw new SearchRequestException(SearchStatus.TooComplex, $"the collection {collectionId} cannot be searched");
            }

            folderId = folder.Store.FolderId;
        }

        // A text with no letter or digit matches nothing (rather than everything).
        if (!query.Text.Any(char.IsLetterOrDigit))
        {
            return new MailboxSearchResult([], 0);
        }

        MailSearchResult found;
        try
        {
            found = await store.SearchAsync(context.AccountId, new MailSearchQuery(query.Text)
            {
                FolderId = folderId,
                DeepTraversal = query.DeepTraversal,
                ReceivedSince = query.ReceivedAfter?.AddMilliseconds(1),
                ReceivedBefore = query.ReceivedBefore,
                Offset = query.Range.Start,
                Limit = query.Range.Count,
            }, cancellationToken);
        }
        catch (FolderNotFoundException exception)
        {
            throw new SearchRequestException(SearchStatus.InvalidRequest, exception.Message);
        }

        var options = new EmailOptions
        {
            Version = context.Version,
            BodyPreferences = query.BodyPreferences,
            MimeSupport = query.MimeSupport,
            MimeTruncation = query.MimeTruncation,
            AccountAddresses = context.Account.Addresses,
        };
        var results = new List<MailboxMatch>(found.Messages.Count);
        foreach (var message in found.Messages)
        {
            if (!byStoreId.TryGetValue(message.FolderId, out var folder))
            {
                continue; // a folder this device is not shown
            }

            var serverId = $"{folder.ServerId}:{message.Id}";
            try
            {
                await using var mime = await store.OpenMessageAsync(context.AccountId, message.FolderId, message.Id, cancellationToken);
                results.Add(new MailboxMatch(folder, serverId, await EmailReader.ReadAsync(message, mime, options, serverId, cancellationToken)));
            }
            catch (ItemNotFoundException)
            {
                // deleted between the search and the read
            }
        }

        return new MailboxSearchResult(results, found.Total);
    }
}

/// <summary>The matches of a range, and how many there are in all.</summary>
internal sealed record MailboxSearchResult(IReadOnlyList<MailboxMatch> Matches, int Total);

/// <summary>One match: its collection, its ServerId (the LongId) and the message as the device gets it.</summary>
internal sealed record MailboxMatch(EasFolder Folder, string ServerId, EmailItem Email);
