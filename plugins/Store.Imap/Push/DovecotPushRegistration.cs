using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace Passerelle.Store.Imap.Push;

/// <summary>
/// Turns on Dovecot's push notifications for a user: the push_notification OX driver posts only for users
/// with the server METADATA entry <c>/private/vendor/vendor.dovecot/http-notify</c> (RFC 5464), set to
/// <c>user=ACCOUNT</c> so that, with the driver's <c>user_from_metadata</c>, events name the account. Done
/// once per user and process, on the user's first session, and only when the push endpoint is configured.
/// </summary>
internal sealed class DovecotPushRegistration(ILogger<DovecotPushRegistration> logger)
{
    public static readonly MetadataTag Tag = new("/private/vendor/vendor.dovecot/http-notify");

    private readonly ConcurrentDictionary<string, bool> _registered = new(StringComparer.Ordinal);

    public async Task EnsureAsync(string accountId, ImapClient client, CancellationToken cancellationToken)
    {
        if (_registered.ContainsKey(accountId) || !client.Capabilities.HasFlag(ImapCapabilities.Metadata))
        {
            return;
        }

        try
        {
            await client.SetMetadataAsync(new MetadataCollection([new Metadata(Tag, $"user={accountId}")]), cancellationToken);
            _registered[accountId] = true;
        }
        catch (ImapCommandException exception)
        {
            // The server keeps no METADATA (Dovecot needs mail_attribute_dict): push stays off for this user.
            logger.LogWarning("Could not turn on Dovecot push for {Account}: {Reason}", accountId, exception.Message);
            _registered[accountId] = false;
        }
    }
}
