using Microsoft.Extensions.Logging;
using MimeKit;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.State;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Mail;

/// <summary>
/// Sends what a phone composed: once per ClientId (a resend after a lost answer is not sent twice),
/// through <see cref="IMailSubmission"/>, with the copy in Sent Items when asked, and the original marked
/// as replied or forwarded.
/// </summary>
internal sealed class OutgoingMail(StateDatabase database, IEnumerable<IMailSubmission> submissions, IEnumerable<IMailStore> mailStores, TimeProvider time, ILogger<OutgoingMail> logger)
{
    public async Task<SendOutcome> SendAsync(EasContext context, MimeMessage message, string? clientId, bool saveInSent, LocatedMessage? original, MessageVerb? verb, CancellationToken cancellationToken)
    {
        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
        {
            return SendOutcome.NoRecipient;
        }

        var key = clientId ?? message.MessageId;
        if (key is not null && !await ClaimAsync(context.AccountId, key, cancellationToken))
        {
            return SendOutcome.Sent; // already sent: the phone lost our answer and asks again
        }

        try
        {
            message.MessageId ??= MimeKit.Utils.MimeUtils.GenerateMessageId(context.Account.Domain);
            message.Date = message.Date == DateTimeOffset.MinValue ? time.GetUtcNow() : message.Date;
            if (message.From.Count == 0)
            {
                message.From.Add(new MailboxAddress(context.Account.DisplayName, context.Account.Address));
            }

            var submission = submissions.LastOrDefault() ?? throw new StoreUnavailableException("no store plugin submits mail");
            SubmissionResult result;
            await using (var mime = await ToStreamAsync(message, cancellationToken))
            {
                result = await submission.SubmitAsync(context.AccountId, mime, null, cancellationToken);
            }

            if (result.Accepted.Count == 0)
            {
                await ReleaseAsync(context.AccountId, key, cancellationToken);
                return SendOutcome.SubmissionFailed;
            }

        }
        catch (Exception) when (key is not null)
        {
            await ReleaseAsync(context.AccountId, key, CancellationToken.None);
            throw;
        }

        // Sent: from here a failure must not release the claim, or the phone's retry would send it twice.
        try
        {
            if (saveInSent)
            {
                await SaveInSentAsync(context.AccountId, message, cancellationToken);
            }

            if (original is not null && verb is { } done && original.Folder.Store.Source == Sdk.Changes.FolderSource.Mail && mailStores.LastOrDefault() is { } mail)
            {
                await mail.UpdateMessageAsync(context.AccountId, original.Folder.Store.FolderId, original.Message.Id, new MessageUpdate { LastVerb = new LastVerb(done, time.GetUtcNow()) }, cancellationToken);
            }
        }
        catch (Exception failure) when (failure is StoreException or OperationCanceledException)
        {
            logger.LogWarning(failure, "{User}: a message was sent, but its copy in Sent Items or the original's last verb could not be written", context.AccountId);
        }

        return SendOutcome.Sent;
    }

    private async Task SaveInSentAsync(string accountId, MimeMessage message, CancellationToken cancellationToken)
    {
        if (mailStores.LastOrDefault() is not { } mail)
        {
            return;
        }

        var sent = (await mail.GetFoldersAsync(accountId, cancellationToken)).FirstOrDefault(f => f.Role == MailFolderRole.Sent);
        if (sent is null)
        {
            return;
        }

        await using var mime = await ToStreamAsync(message, cancellationToken);
        await mail.AppendAsync(accountId, sent.Id, mime, MessageFlags.Seen, null, cancellationToken);
    }

    private static async Task<Stream> ToStreamAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        await message.WriteToAsync(stream, cancellationToken);
        stream.Position = 0;
        return stream;
    }

    private async Task<bool> ClaimAsync(string accountId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "INSERT OR IGNORE INTO sent_messages (account_id, client_id, sent_at) VALUES ($account, $client, $now)",
            cancellationToken, ("$account", accountId), ("$client", key), ("$now", SqliteExtensions.Text(time.GetUtcNow()))) == 1;
    }

    private async Task ReleaseAsync(string accountId, string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM sent_messages WHERE account_id = $account AND client_id = $client", cancellationToken, ("$account", accountId), ("$client", key));
    }
}

/// <summary>What became of a message to send, as a common status (MS-ASCMD 2.2.2).</summary>
internal enum SendOutcome
{
    Sent = 1,
    InvalidMime = 107,
    MessageTooLarge = 115,
    NoRecipient = 119,
    SubmissionFailed = 120,
    ItemNotFound = 150,
}
