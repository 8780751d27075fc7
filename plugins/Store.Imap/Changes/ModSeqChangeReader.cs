using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Mail;

namespace Passerelle.Store.Imap.Changes;

/// <summary>
/// Exact changes from RFC 7162: changed messages by CHANGEDSINCE, ordered and paged by (MODSEQ, UID) since
/// several messages can share a MODSEQ; expunged ones by VANISHED (EARLIER). A first listing goes in UID
/// order instead, from a search, so that a large folder is read once, not once per page.
/// </summary>
internal static class ModSeqChangeReader
{
    private const MessageSummaryItems Order = MessageSummaryItems.UniqueId | MessageSummaryItems.ModSeq;

    public static ChangeState Current(uint uidValidity, ulong highestModSeq) =>
        ChangeToken.Make(ChangeToken.ModSeq, uidValidity, highestModSeq, 0, highestModSeq, 0, 0);

    /// <param name="folder">The folder, selected fresh (<see cref="FolderAccessExtensions.OpenFolderAsync"/>).</param>
    public static async Task<FolderChanges<MailMessage>> ReadAsync(ImapFolder folder, ChangeToken? since, int max, CancellationToken cancellationToken)
    {
        var (uidValidity, highest) = (folder.UidValidity, folder.HighestModSeq);
        if (since is not { } token)
        {
            return await ListAsync(folder, uidValidity, highest, highest, 0, max, cancellationToken);
        }

        token.Check(uidValidity, ChangeToken.Listing, ChangeToken.ModSeq);
        return token.Kind == ChangeToken.Listing
            ? await ListAsync(folder, uidValidity, highest, token[0], (uint)token[1], max, cancellationToken)
            : await ChangesAsync(folder, token, highest, max, cancellationToken);
    }

    private static async Task<FolderChanges<MailMessage>> ListAsync(ImapFolder folder, uint uidValidity, ulong highest, ulong startModSeq, uint cursor, int max, CancellationToken cancellationToken)
    {
        var remaining = (await folder.SearchAsync(SearchQuery.All, cancellationToken))
            .Where(uid => uid.Id > cursor)
            .OrderBy(uid => uid.Id)
            .ToList();
        var page = remaining.Take(max).ToList();
        var messages = await MessageFetcher.FetchAsync(folder, page, cancellationToken);
        if (page.Count < remaining.Count)
        {
            return new(messages, [], ChangeToken.Make(ChangeToken.Listing, uidValidity, startModSeq, page[^1].Id), true);
        }

        // Listed; from here on, whatever changed since the listing began, as changes.
        var state = ChangeToken.Make(ChangeToken.ModSeq, uidValidity, startModSeq, 0, startModSeq, 0, 0);
        return new(messages, [], state, highest > startModSeq);
    }

    private static async Task<FolderChanges<MailMessage>> ChangesAsync(ImapFolder folder, ChangeToken token, ulong highest, int max, CancellationToken cancellationToken)
    {
        var (modSeq, uid, removedSince, removedUpTo, pagingStart) = (token[0], (uint)token[1], token[2], (uint)token[3], token[4]);
        var changedSince = uid > 0 ? modSeq - 1 : modSeq;

        IReadOnlyList<IMessageSummary>? changed = null;
        List<uint> removed = [];
        bool removalsLeft = false;
        if (removedSince > 0 && (removedSince < highest || removedUpTo > 0))
        {
            var (summaries, vanished) = await FetchSinceAsync(folder, removedSince, cancellationToken);
            changed = removedSince == changedSince ? summaries : null;
            var pending = vanished.Where(id => id > removedUpTo).Distinct().Order().ToList();
            removed = pending.Take(max).ToList();
            removalsLeft = removed.Count < pending.Count;
            if (removalsLeft)
            {
                (removedUpTo, pagingStart) = (removed[^1], removedUpTo > 0 ? pagingStart : highest);
            }
            else if (removedUpTo > 0)
            {
                // The end of a paged list of expunges: those made since the paging began below its cursor were
                // not in it. They are told now when they fit; otherwise the list is read again from where the
                // paging began (a removal may then be told twice, never missed).
                var missed = (await FetchSinceAsync(folder, pagingStart, cancellationToken)).Vanished.Where(id => id <= removedUpTo).Distinct().ToList();
                var fits = removed.Count + missed.Count <= max;
                removed.AddRange(fits ? missed : []);
                (removedSince, removedUpTo, pagingStart, removalsLeft) = (fits ? highest : pagingStart, 0u, 0ul, !fits);
            }
            else
            {
                removedSince = highest;
            }
        }
        else if (removedSince == 0)
        {
            removedSince = highest;
        }

        changed ??= (await FetchSinceAsync(folder, changedSince, cancellationToken)).Changed;
        var candidates = changed
            .Where(summary => summary.ModSeq is { } seq && (seq > modSeq || (seq == modSeq && summary.UniqueId.Id > uid)))
            .OrderBy(summary => summary.ModSeq)
            .ThenBy(summary => summary.UniqueId.Id)
            .ToList();
        var page = candidates.Take(Math.Max(0, max - removed.Count)).ToList();
        (modSeq, uid) = page.Count == candidates.Count
            ? (Math.Max(Math.Max(modSeq, highest), page.Count > 0 ? page[^1].ModSeq!.Value : 0), 0u)
            : (page.Count > 0 ? page[^1].ModSeq!.Value : modSeq, page.Count > 0 ? page[^1].UniqueId.Id : uid);

        var messages = await MessageFetcher.FetchAsync(folder, page.Select(summary => summary.UniqueId).ToList(), cancellationToken);
        var state = ChangeToken.Make(ChangeToken.ModSeq, token.UidValidity, modSeq, uid, removedSince, removedUpTo, pagingStart);
        var removedIds = removed.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new(messages, removedIds, state, removalsLeft || page.Count < candidates.Count);
    }

    /// <summary>UID FETCH 1:* (UID MODSEQ) (CHANGEDSINCE m VANISHED), or every message when m is 0.</summary>
    private static async Task<(IReadOnlyList<IMessageSummary> Changed, List<uint> Vanished)> FetchSinceAsync(ImapFolder folder, ulong modSeq, CancellationToken cancellationToken)
    {
        var vanished = new List<uint>();
        // Dovecot sends expunges this session was not yet told of as a plain VANISHED during the fetch, and
        // only the others as VANISHED (EARLIER): both count.
        void OnVanished(object? sender, MessagesVanishedEventArgs e) => vanished.AddRange(e.UniqueIds.Select(id => id.Id));

        folder.MessagesVanished += OnVanished;
        try
        {
            var request = modSeq > 0 ? new FetchRequest(Order) { ChangedSince = modSeq } : new FetchRequest(Order);
            var changed = await folder.FetchAsync(UniqueIdRange.All, request, cancellationToken);
            return (changed.ToList(), vanished);
        }
        finally
        {
            folder.MessagesVanished -= OnVanished;
        }
    }
}
