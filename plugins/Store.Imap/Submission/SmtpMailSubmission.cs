using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Accounts;
using Passerelle.Store.Imap.Connections;
using Passerelle.Store.Imap.Mail;

namespace Passerelle.Store.Imap.Submission;

/// <summary>
/// Submission through the configured SMTP server (RFC 6409), authenticated with the sending user's own
/// login and password when <c>Smtp:Authenticate</c> is on. One connection per message: submissions are rare
/// next to syncs, and a connection is never shared between users.
/// </summary>
internal sealed class SmtpMailSubmission(SmtpOptions smtp, ImapOptions imap, CredentialVault vault, StorePaths paths, TimeProvider time) : IMailSubmission
{
    private readonly ServerHealth _health = new("SMTP", imap.ReconnectDelay, imap.MaxReconnectDelay, time);

    public async Task<SubmissionResult> SubmitAsync(string accountId, Stream mime, SubmissionEnvelope? envelope, CancellationToken cancellationToken)
    {
        await using var content = await MessageContent.ReadAsync(mime, paths.Temporary, cancellationToken);
        var message = content.Message;
        var sender = MailboxAddress.Parse(envelope?.From ?? accountId);
        var recipients = (envelope?.Recipients.Select(MailboxAddress.Parse)
                ?? message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes))
            .DistinctBy(address => address.Address.ToLowerInvariant())
            .ToList();
        if (recipients.Count == 0)
        {
            throw new InvalidItemException("The message has no recipient.");
        }

        // Bcc recipients get the message through the envelope only.
        message.Headers.RemoveAll(HeaderId.Bcc);
        var credentials = smtp.Authenticate
            ? vault.Get(accountId) ?? throw new StoreUnavailableException($"The password of {accountId} is not known in this process; sign in again.", retryAfter: TimeSpan.FromSeconds(5))
            : null;

        _health.ThrowIfResting();
        using var client = new RecordingSmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await ConnectAsync(client, cancellationToken);
            if (credentials is not null)
            {
                await client.AuthenticateAsync(credentials.Login, credentials.Password, cancellationToken);
            }

            if (client.Capabilities.HasFlag(SmtpCapabilities.Size) && client.MaxSize > 0 && content.Length > client.MaxSize)
            {
                throw new MessageTooLargeException($"The message is {content.Length} bytes; the SMTP server accepts {client.MaxSize}.");
            }

            await client.SendAsync(message, sender, recipients, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception) when (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted && client.Rejected.Count > 0)
        {
            // Every recipient refused: no message was sent.
        }
        catch (SmtpCommandException exception) when (exception.StatusCode == SmtpStatusCode.ExceededStorageAllocation)
        {
            throw new MessageTooLargeException($"The SMTP server refused the message as too large: {exception.Message}", exception);
        }
        catch (AuthenticationException exception)
        {
            throw new StoreUnavailableException($"The SMTP server refused the credentials of {accountId}: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or IOException or SocketException
            or TimeoutException or ServiceNotConnectedException or SslHandshakeException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new StoreUnavailableException($"The SMTP server did not take the message: {exception.Message}", exception);
        }

        var rejected = client.Rejected.Select(pair => new RejectedRecipient(pair.Address, pair.Reason)).ToList();
        var accepted = recipients.Select(address => address.Address)
            .Where(address => rejected.All(r => !r.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new SubmissionResult(accepted, rejected);
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(smtp.Host ?? imap.Host!, smtp.Port, ImapConnector.SecureOptions(smtp.Security), cancellationToken);
            _health.Succeeded();
        }
        catch (Exception exception) when (exception is IOException or SocketException or TimeoutException or SslHandshakeException or SmtpProtocolException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = _health.Failed();
            throw new StoreUnavailableException($"The SMTP server cannot be reached: {exception.Message}", exception, rest);
        }
    }

    /// <summary>Records refused recipients instead of failing the whole submission (MailKit's default).</summary>
    private sealed class RecordingSmtpClient : SmtpClient
    {
        public List<(string Address, string Reason)> Rejected { get; } = [];

        protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
            Rejected.Add((mailbox.Address, $"{(int)response.StatusCode} {response.Response}"));
    }
}
