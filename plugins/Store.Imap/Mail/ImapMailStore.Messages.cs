using MailKit;
using MailKit.Net.Imap;
using MimeKit;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Changes;
using SdkFlags = Passerelle.Sdk.Mail.MessageFlags;

using MailFolder = Passerelle.Sdk.Mail.MailFolder;
using IMailStore = Passerelle.Sdk.Mail.IMailStore;

namespace Passerelle.Store.Imap.Mail;

internal sealed partial class ImapMailStore
{
    public Task<ChangeState> GetStateAsync(string accountId, string folderId, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, $"reading the state of '{folderId}'", async client =>
        {
            if (client.HasModSeq())
            {
                var folder = await client.GetFolderAsync(folderId, cancellationToken);
                if (folder.IsOpen)
                {
                    // STATUS of the selected mailbox tells the session's view of it, which misses what other
                    // sessions did since (RFC 3501 6.3.10; Dovecot does so): unselect it first.
                    await folder.CloseAsync(expunge: false, cancellationToken);
                }

                await folder.StatusAsync(StatusItems.UidValidity | StatusItems.HighestModSeq, cancellationToken);
                return ModSeqChangeReader.Current(folder.UidValidity, folder.HighestModSeq);
            }

            return await snapshots.CurrentAsync(accountId, await client.OpenFolderAsync(folderId, cancellationToken), cancellationToken);
        }, cancellationToken);

    public Task<FolderChanges<MailMessage>> GetChangesAsync(string accountId, string folderId, ChangeState? since, int maxChanges, CancellationToken cancellationToken)
    {
        // A malformed state fails before any server round trip.
        ChangeToken? token = since is { } state ? ChangeToken.Parse(state) : null;
        var max = Math.Max(1, maxChanges);
        return pool.RunAsync(accountId, $"reading the changes of '{folderId}'", async client =>
        {
            var folder = await client.OpenFolderAsync(folderId, cancellationToken);
            return client.HasModSeq()
                ? await ModSeqChangeReader.ReadAsync(folder, token, max, cancellationToken)
                : await snapshots.ReadAsync(accountId, folder, token, max, cancellationToken);
        }, cancellationToken);
    }

    public Task<MailMessage?> GetMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, $"reading message {messageId}", async client =>
        {
            var folder = await client.SelectForReadingAsync(folderId, cancellationToken);
            return FolderAccessExtensions.ParseUids([messageId]) is [var uid]
                ? await MessageFetcher.FetchOneAsync(folder, uid, cancellationToken)
                : null;
        }, cancellationToken);

    public Task<Stream> OpenMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken) =>
        pool.RunAsync(accountId, $"reading message {messageId}", async client =>
        {
            var folder = await client.SelectForReadingAsync(folderId, cancellationToken);
            var uid = UidOf(folderId, messageId);
            return await MessageDownload.OpenAsync(folder, uid, options.MessageChunkSize, paths.Temporary, cancellationToken);
        }, cancellationToken);

    public async Task<MailMessage> AppendAsync(string accountId, string folderId, Stream mime, SdkFlags flags, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        await using var content = await MessageContent.ReadAsync(mime, paths.Temporary, cancellationToken);
        var appended = await pool.RunAsync(accountId, $"adding a message to '{folderId}'", async client =>
        {
            var folder = await client.OpenFolderAsync(folderId, cancellationToken);
            var request = new AppendRequest(content.Message, MessageMapper.ToImap(flags), MessageMapper.Keywords(flags))
            {
                InternalDate = receivedAt,
            };
            var uid = await folder.AppendAsync(request, cancellationToken)
                ?? throw new StoreUnavailableException("The IMAP server did not tell the new message's UID: it needs UIDPLUS (RFC 4315).");
            return await MessageFetcher.FetchOneAsync(folder, uid, cancellationToken)
                ?? throw new StoreUnavailableException($"The message added to '{folderId}' was removed at once by another client.");
        }, cancellationToken);
        hub.Notify(accountId, folderId);
        return appended;
    }

    public async Task<MailMessage> UpdateMessageAsync(string accountId, string folderId, string messageId, MessageUpdate update, CancellationToken cancellationToken)
    {
        var updated = await pool.RunAsync(accountId, $"updating message {messageId}", async client =>
        {
            var folder = await client.OpenFolderAsync(folderId, cancellationToken);
            var uid = UidOf(folderId, messageId);
            var current = (await folder.FetchAsync([uid], new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags), cancellationToken)).FirstOrDefault()
                ?? throw new ItemNotFoundException($"Message {messageId} is not in '{folderId}'.");
            var change = FlagChange.Of(update, current.Keywords);
            if (change.Add != MailKit.MessageFlags.None || change.AddKeywords.Count > 0)
            {
                await folder.StoreAsync([uid], new StoreFlagsRequest(StoreAction.Add, change.Add, change.AddKeywords) { Silent = true }, cancellationToken);
            }

            if (change.Remove != MailKit.MessageFlags.None || change.RemoveKeywords.Count > 0)
            {
                await folder.StoreAsync([uid], new StoreFlagsRequest(StoreAction.Remove, change.Remove, change.RemoveKeywords) { Silent = true }, cancellationToken);
            }

            return await MessageFetcher.FetchOneAsync(folder, uid, cancellationToken)
                ?? throw new ItemNotFoundException($"Message {messageId} was removed from '{folderId}' meanwhile.");
        }, cancellationToken);
        hub.Notify(accountId, folderId);
        return updated;
    }

    public async Task<string> MoveMessageAsync(string accountId, string folderId, string messageId, string targetFolderId, CancellationToken cancellationToken)
    {
        var moved = await pool.RunAsync(accountId, $"moving message {messageId}", async client =>
        {
            var target = await client.GetFolderAsync(targetFolderId, cancellationToken);
            var folder = await client.OpenFolderAsync(folderId, cancellationToken);
            var uid = UidOf(folderId, messageId);
            _ = await MessageFetcher.FetchOneAsync(folder, uid, cancellationToken)
                ?? throw new ItemNotFoundException($"Message {messageId} is not in '{folderId}'.");
            // RFC 6851 MOVE where the server has it; MailKit falls back to COPY, STORE \Deleted and UID EXPUNGE.
            var newUid = await folder.MoveToAsync(uid, target, cancellationToken)
                ?? throw new ItemNotFoundException($"Message {messageId} left '{folderId}' before it could be moved.");
            return newUid.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
        hub.Notify(accountId, folderId);
        hub.Notify(accountId, targetFolderId);
        return moved;
    }

    public async Task DeleteMessagesAsync(string accountId, string folderId, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        await pool.RunAsync(accountId, $"deleting messages of '{folderId}'", async client =>
        {
            var folder = await client.OpenFolderAsync(folderId, cancellationToken);
            var uids = FolderAccessExtensions.ParseUids(messageIds);
            if (uids.Length > 0)
            {
                await folder.AddFlagsAsync(uids, MailKit.MessageFlags.Deleted, silent: true, cancellationToken);
                // UID EXPUNGE (RFC 4315): only these messages, not others another client marked \Deleted.
                await folder.ExpungeAsync(uids, cancellationToken);
            }

            return true;
        }, cancellationToken);
        hub.Notify(accountId, folderId);
    }

    public async Task EmptyFolderAsync(string accountId, string folderId, bool includeSubfolders, CancellationToken cancellationToken)
    {
        await pool.RunAsync(accountId, $"emptying '{folderId}'", async client =>
        {
            var folder = await client.OpenFolderAsync(folderId, cancellationToken);
            if (folder.Count > 0)
            {
                await folder.AddFlagsAsync(UniqueIdRange.All, MailKit.MessageFlags.Deleted, silent: true, cancellationToken);
                await folder.ExpungeAsync(cancellationToken);
            }

            if (includeSubfolders)
            {
                await DeleteSubtreeAsync(accountId, client, folder, includeSelf: false, cancellationToken);
            }

            return true;
        }, cancellationToken);
        hub.Notify(accountId, folderId);
    }

    private static UniqueId UidOf(string folderId, string messageId) =>
        FolderAccessExtensions.ParseUids([messageId]) is [var uid]
            ? uid
            : throw new ItemNotFoundException($"Message {messageId} is not in '{folderId}'.");
}
