using System.Globalization;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Utils;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.Accounts;
using Passerelle.Store.Sqlite.Blobs;
using Passerelle.Store.Sqlite.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Submission;

/// <summary>
/// Local delivery: a submitted message goes to the Inbox of each local recipient (accounts, aliases, group
/// members), in one transaction, with Bcc removed and a Received header added. This store has no SMTP relay:
/// recipients outside the local domains are refused with that reason, and the others are still delivered.
/// </summary>
internal sealed class SqliteMailSubmission(StoreDatabase database, StoreSqliteOptions options, ILogger<SqliteMailSubmission> logger) : IMailSubmission
{
    public const string NoRelayReason =
        "Passerelle's embedded store delivers only to its local domains; it has no SMTP relay for other domains.";

    public async Task<SubmissionResult> SubmitAsync(string accountId, Stream mime, SubmissionEnvelope? envelope, CancellationToken cancellationToken)
    {
        var sender = await database.ReadAsync(session => AccountQueries.FindByAddressAsync(session, accountId), cancellationToken)
            ?? throw new InvalidItemException($"There is no account {accountId} to send from.");
        using var submitted = await database.Blobs.StageAsync(mime, options.MaxMessageSize, cancellationToken);
        var message = await ParseHeadersAsync(submitted.Path, cancellationToken);
        var recipients = (envelope?.Recipients ?? message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToList())
            .Select(address => address.Trim())
            .Where(address => address.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (recipients.Count == 0)
        {
            throw new InvalidItemException("The message has no recipient.");
        }

        using var delivered = await StageDeliveredCopyAsync(submitted, message, sender.Address, cancellationToken);
        var index = await MessageIndex.ReadAsync(delivered.Path, cancellationToken);
        var result = await database.WriteAsync(write => DeliverAsync(write, recipients, delivered, index), cancellationToken);
        logger.LogInformation(
            "Message from {Sender} delivered to {Accepted} local recipient(s), {Rejected} refused",
            sender.Address, result.Accepted.Count, result.Rejected.Count);
        return result;
    }

    private static async Task<SubmissionResult> DeliverAsync(StoreWrite write, IReadOnlyList<string> recipients, StagedBlob delivered, MessageIndex index)
    {
        var accepted = new List<string>();
        var rejected = new List<RejectedRecipient>();
        var mailboxes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            if (!AddressSyntax.TryNormalizeAddress(recipient, out var address, out _, out var domain))
            {
                rejected.Add(new RejectedRecipient(recipient, "This is not an e-mail address."));
                continue;
            }

            var accounts = await write.QueryAsync(
                """
                SELECT id FROM accounts WHERE id = $address
                UNION SELECT account_id FROM aliases WHERE address = $address
                UNION SELECT account_id FROM group_members WHERE group_address = $address
                """,
                reader => reader.GetString(0),
                ("$address", address));
            var isGroup = await write.ScalarAsync<long>("SELECT count(*) FROM groups WHERE address = $address", ("$address", address)) > 0;
            if (accounts.Count > 0 || isGroup)
            {
                mailboxes.UnionWith(accounts);
                accepted.Add(recipient);
            }
            else if (await write.ScalarAsync<long>("SELECT count(*) FROM domains WHERE name = $domain", ("$domain", domain)) > 0)
            {
                rejected.Add(new RejectedRecipient(recipient, $"There is no mailbox {address} here."));
            }
            else
            {
                rejected.Add(new RejectedRecipient(recipient, NoRelayReason));
            }
        }

        foreach (var account in mailboxes)
        {
            await SqliteMailStore.EnsureDefaultFoldersAsync(write, account);
            var inbox = await write.ScalarAsync<long>("SELECT id FROM mail_folders WHERE account_id = $account AND role = $role", ("$account", account), ("$role", (int)MailFolderRole.Inbox));
            await SqliteMailStore.InsertMessageAsync(write, inbox, delivered, index, MessageFlags.None, write.Now);
        }

        return new SubmissionResult(accepted, rejected);
    }

    private async Task<StagedBlob> StageDeliveredCopyAsync(StagedBlob submitted, MimeMessage message, string sender, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var host = Environment.MachineName.ToLowerInvariant();
        var prepend = new List<string>
        {
            $"Received: from passerelle (authenticated user {sender}) by {host} (Passerelle) id {Guid.NewGuid():N}; {DateUtils.FormatDate(now)}",
        };
        if (!message.Headers.Contains(HeaderId.Date))
        {
            prepend.Add($"Date: {DateUtils.FormatDate(now)}");
        }

        if (!message.Headers.Contains(HeaderId.MessageId))
        {
            prepend.Add(string.Create(CultureInfo.InvariantCulture, $"Message-ID: <{MimeUtils.GenerateMessageId(host)}>"));
        }

        var original = new FileStream(submitted.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var (header, bodyOffset) = await DeliveryHeaders.RewriteAsync(original, prepend, cancellationToken);
        original.Position = bodyOffset;
        await using var copy = new PrefixedStream(header, original);
        return await database.Blobs.StageAsync(copy, maxSize: null, cancellationToken);
    }

    private static async Task<MimeMessage> ParseHeadersAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        MimeMessage message;
        try
        {
            // Persistent: the parts stay references into the file, only the headers are in memory.
            message = await new MimeParser(file, MimeFormat.Entity, persistent: true).ParseMessageAsync(cancellationToken);
        }
        catch (FormatException exception)
        {
            throw new InvalidItemException("The content is not a MIME message.", exception);
        }

        return message.Headers.Count == 0 ? throw new InvalidItemException("The content is not a MIME message: it has no header.") : message;
    }
}
