using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Passerelle.Sdk.Errors;
using Passerelle.Store.Imap.Accounts;

namespace Passerelle.Store.Imap.Connections;

/// <summary>Opens authenticated IMAP sessions, with the configured security and timeouts.</summary>
internal sealed class ImapConnector(ImapOptions options, TimeProvider time, ILogger<ImapConnector> logger)
{
    private readonly ServerHealth _health = new("IMAP", options.ReconnectDelay, options.MaxReconnectDelay, time);

    /// <summary>Connects and logs in.</summary>
    /// <returns>The session, or <see langword="null"/> when the server refused the login and password.</returns>
    /// <exception cref="StoreUnavailableException">The server cannot be reached or does not answer.</exception>
    public async Task<ImapClient?> OpenAsync(string login, string password, CancellationToken cancellationToken)
    {
        _health.ThrowIfResting();
        var client = new ImapClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, Secure(options.Security), cancellationToken);
        }
        catch (Exception exception) when (ImapErrors.BreaksConnection(exception) || exception is SslHandshakeException)
        {
            client.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            var rest = _health.Failed();
            logger.LogWarning("IMAP server {Host}:{Port} unreachable: {Reason}; new connections wait {Delay}", options.Host, options.Port, exception.Message, rest);
            throw new StoreUnavailableException($"The IMAP server cannot be reached: {exception.Message}", exception, rest);
        }

        _health.Succeeded();
        try
        {
            await LoginAsync(client, login, password, cancellationToken);
            if (client.Capabilities.HasFlag(ImapCapabilities.QuickResync))
            {
                // RFC 7162 3.2.3: VANISHED responses instead of EXPUNGE, and CHANGEDSINCE ... VANISHED fetches.
                await client.EnableQuickResyncAsync(cancellationToken);
            }

            return client;
        }
        catch (AuthenticationException)
        {
            await CloseAsync(client);
            return null;
        }
        catch (Exception exception) when (ImapErrors.BreaksConnection(exception) || exception is ImapCommandException)
        {
            client.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new StoreUnavailableException($"The IMAP server failed during login: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// One login attempt, never more: MailKit's password login tries each SASL mechanism the server offers
    /// and then LOGIN, three failures for one wrong password, which grows Dovecot's auth penalty on
    /// Passerelle's address for every user. PLAIN (RFC 4616) is the one every server with passwords offers.
    /// </summary>
    private static async Task LoginAsync(ImapClient client, string login, string password, CancellationToken cancellationToken)
    {
        if (client.AuthenticationMechanisms.Contains("PLAIN"))
        {
            await client.AuthenticateAsync(new SaslMechanismPlain(login, password), cancellationToken);
            return;
        }

        client.AuthenticationMechanisms.Clear();
        await client.AuthenticateAsync(login, password, cancellationToken);
    }

    /// <summary>Logs out politely, within a short time, and disposes.</summary>
    public static async Task CloseAsync(ImapClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception exception) when (ImapErrors.BreaksConnection(exception) || exception is ImapCommandException)
        {
            // the connection was going away anyway
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Opens a session for known credentials; a refused password is forgotten at once, never tried again.</summary>
    public async Task<ImapClient> OpenAsync(ImapCredentials credentials, CredentialVault vault, CancellationToken cancellationToken)
    {
        var client = await OpenAsync(credentials.Login, credentials.Password, cancellationToken);
        if (client is not null)
        {
            return client;
        }

        vault.Forget(credentials);
        logger.LogWarning("The IMAP server refused the stored password of {Login}; it is forgotten until the next sign-in", credentials.Login);
        throw new StoreUnavailableException($"The IMAP server refused the password of {credentials.Login}; sign in again.", retryAfter: TimeSpan.FromSeconds(5));
    }

    private static SecureSocketOptions Secure(ConnectionSecurity security) => security switch
    {
        ConnectionSecurity.None => SecureSocketOptions.None,
        ConnectionSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    internal static SecureSocketOptions SecureOptions(ConnectionSecurity security) => Secure(security);
}
