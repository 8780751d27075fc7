using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.Blobs;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Mail;

internal sealed partial class SqliteMailStore
{
    public Task<MailMessage?> GetMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken) =>
        database.ReadAsync(async session => (await FindMessageInAsync(session, accountId, folderId, messageId))?.Message, cancellationToken);

    public async Task<Stream> OpenMessageAsync(string accountId, string folderId, string messageId, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync(session => FindMessageInAsync(session, accountId, folderId, messageId), cancellationToken);
        return row is null
            ? throw new ItemNotFoundException($"There is no message {messageId} in folder {folderId}.")
            : database.Blobs.Open(row.Blob);
    }

    public async Task<MailMessage> AppendAsync(string accountId, string folderId, Stream mime, MessageFlags flags, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        // Staged and indexed before taking the write lock: a big message does not hold up other writers.
        using var staged = await database.Blobs.StageAsync(mime, maxSize: null, cancellationToken);
        var index = await MessageIndex.ReadAsync(staged.Path, cancellationToken);
        return await database.WriteAsync(
            async write =>
            {
                var folder = await RequireFolderAsync(write, accountId, folderId);
                return await InsertMessageAsync(write, folder.Id, staged, index, flags, receivedAt ?? write.Now);
            },
            cancellationToken);
    }

    public Task<MailMessage> UpdateMessageAsync(string accountId, string folderId, string messageId, MessageUpdate update, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireFolderAsync(write, accountId, folderId);
                var row = await FindMessageAsync(write, folder.Id, messageId)
                    ?? throw new ItemNotFoundException($"There is no message {messageId} in folder {folderId}.");
                var updated = MessageFlagRules.Apply(row.Metadata, update);
                if (updated.SameAs(row.Metadata))
                {
                    return row.Message;
                }

                var modseq = write.NextModSeq();
                await write.ExecuteAsync(
                    "UPDATE messages SET flags = $flags, keywords = $keywords, follow_up = $followUp, last_verb = $lastVerb, modseq = $modseq WHERE id = $id",
                    ("$flags", (int)updated.Flags),
                    ("$keywords", updated.Keywords.Count == 0 ? null : StoreJson.Serialize(updated.Keywords)),
                    ("$followUp", StoreJson.Serialize(updated.FollowUp)),
                    ("$lastVerb", StoreJson.Serialize(updated.LastVerb)),
                    ("$modseq", modseq),
                    ("$id", long.Parse(row.Message.Id, System.Globalization.CultureInfo.InvariantCulture)));
                await TouchFolderAsync(write, folder.Id, modseq);
                return (await FindMessageAsync(write, folder.Id, messageId))!.Message;
            },
            cancellationToken);

    // The message keeps its identifier in the target folder; the source records its removal.
    public Task<string> MoveMessageAsync(string accountId, string folderId, string messageId, string targetFolderId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var source = await RequireFolderAsync(write, accountId, folderId);
                var target = await RequireFolderAsync(write, accountId, targetFolderId);
                var row = await FindMessageAsync(write, source.Id, messageId)
                    ?? throw new ItemNotFoundException($"There is no message {messageId} in folder {folderId}.");
                if (source.Id == target.Id)
                {
                    return row.Message.Id;
                }

                var id = long.Parse(row.Message.Id, System.Globalization.CultureInfo.InvariantCulture);
                var removed = write.NextModSeq();
                await AddTombstoneAsync(write, source.Id, id, removed);
                await TouchFolderAsync(write, source.Id, removed);
                var added = write.NextModSeq();
                await write.ExecuteAsync("UPDATE messages SET folder_id = $target, modseq = $modseq WHERE id = $id", ("$target", target.Id), ("$modseq", added), ("$id", id));
                // Back in a folder it left: the live row replaces the tombstone, never both.
                await write.ExecuteAsync("DELETE FROM mail_tombstones WHERE folder_id = $target AND message_id = $id", ("$target", target.Id), ("$id", id));
                await TouchFolderAsync(write, target.Id, added);
                return row.Message.Id;
            },
            cancellationToken);

    public Task DeleteMessagesAsync(string accountId, string folderId, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireFolderAsync(write, accountId, folderId);
                long? last = null;
                foreach (var messageId in messageIds.Distinct(StringComparer.Ordinal))
                {
                    if (await FindMessageAsync(write, folder.Id, messageId) is { } row)
                    {
                        last = await RemoveMessageAsync(write, folder.Id, long.Parse(row.Message.Id, System.Globalization.CultureInfo.InvariantCulture), row.Blob);
                    }
                }

                if (last is { } modseq)
                {
                    await TouchFolderAsync(write, folder.Id, modseq);
                }

                return 0;
            },
            cancellationToken);

    public Task EmptyFolderAsync(string accountId, string folderId, bool includeSubfolders, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async write =>
            {
                var folder = await RequireFolderAsync(write, accountId, folderId);
                var messages = await write.QueryAsync(
                    "SELECT id, blob FROM messages WHERE folder_id = $folder ORDER BY id",
                    reader => (Id: reader.GetInt64(0), Blob: reader.GetString(1)),
                    ("$folder", folder.Id));
                long? last = null;
                foreach (var (id, blob) in messages)
                {
                    last = await RemoveMessageAsync(write, folder.Id, id, blob);
                }

                if (last is { } modseq)
                {
                    await TouchFolderAsync(write, folder.Id, modseq);
                }

                if (includeSubfolders)
                {
                    await DeleteFoldersAsync(write, (await SubtreeAsync(write, folder.Id)).Skip(1).ToList());
                }

                return 0;
            },
            cancellationToken);

    /// <summary>Adds a staged, indexed message to a folder inside a write (also used by delivery and import).</summary>
    internal static async Task<MailMessage> InsertMessageAsync(StoreWrite write, long folderId, StagedBlob staged, MessageIndex index, MessageFlags flags, DateTimeOffset receivedAt)
    {
        var metadata = MessageFlagRules.Apply(new MessageMetadata(MessageFlags.None, [], null, null), new MessageUpdate { AddFlags = flags });
        var modseq = write.NextModSeq();
        write.PlaceBlob(staged);
        var id = await write.ScalarAsync<long>(
            """
            INSERT INTO messages (folder_id, blob, size, received_at, flags, follow_up, subject, from_list, to_list, cc_list, sent_at, message_id, modseq)
            VALUES ($folder, $blob, $size, $received, $flags, $followUp, $subject, $from, $to, $cc, $sent, $messageId, $modseq)
            RETURNING id
            """,
            ("$folder", folderId), ("$blob", staged.Hash), ("$size", staged.Size), ("$received", UnixTime.ToMilliseconds(receivedAt)),
            ("$flags", (int)metadata.Flags), ("$followUp", StoreJson.Serialize(metadata.FollowUp)),
            ("$subject", index.Envelope.Subject), ("$from", index.Envelope.From), ("$to", index.Envelope.To), ("$cc", index.Envelope.Cc),
            ("$sent", index.Envelope.Date is { } date ? UnixTime.ToMilliseconds(date) : null), ("$messageId", index.Envelope.MessageId),
            ("$modseq", modseq));
        await write.ExecuteAsync(
            "INSERT INTO message_text (rowid, subject, sender, body) VALUES ($id, $subject, $sender, $body)",
            ("$id", id), ("$subject", index.Envelope.Subject ?? ""), ("$sender", index.Sender), ("$body", index.Body));
        await TouchFolderAsync(write, folderId, modseq);
        return (await FindMessageAsync(write, folderId, RowId.Format(id)))!.Message;
    }
}
