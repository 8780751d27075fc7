using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Imap.Connections;

/// <summary>Turns MailKit's errors into the SDK's store errors (and says whether the connection survives).</summary>
internal static class ImapErrors
{
    /// <summary>Whether the exception means the connection can no longer be trusted.</summary>
    public static bool BreaksConnection(Exception exception) => exception is
        IOException or SocketException or ImapProtocolException or ServiceNotConnectedException
        or ServiceNotAuthenticatedException or TimeoutException or OperationCanceledException or ObjectDisposedException;

    /// <summary>The SDK exception for a MailKit failure, or <see langword="null"/> when it is not one.</summary>
    public static StoreException? Translate(Exception exception, string what) => exception switch
    {
        StoreException store => store,
        MailKit.FolderNotFoundException => new Sdk.Errors.FolderNotFoundException($"The folder of {what} does not exist.", exception),
        ImapCommandException command => FromResponseCode(command, what),
        AuthenticationException => new StoreUnavailableException($"The IMAP server refused the password while {what}; sign in again.", exception),
        FolderNotOpenException => new StoreUnavailableException($"The folder was closed by the server while {what}.", exception),
        _ when BreaksConnection(exception) => new StoreUnavailableException($"The IMAP server did not answer while {what}: {exception.Message}", exception),
        _ => null,
    };

    private static StoreException FromResponseCode(ImapCommandException exception, string what)
    {
        var text = exception.ResponseText ?? exception.Message;
        // RFC 5530 response codes, which Dovecot sends: the bracketed code starts the text MailKit keeps.
        if (Has(text, "NONEXISTENT") || Has(text, "TRYCREATE") || Has(text, "doesn't exist"))
        {
            return new Sdk.Errors.FolderNotFoundException($"The folder of {what} does not exist.", exception);
        }

        if (Has(text, "ALREADYEXISTS") || Has(text, "already exists"))
        {
            return new FolderExistsException($"The folder already exists ({what}).", exception);
        }

        if (Has(text, "NOPERM") || Has(text, "CANNOT"))
        {
            return new AccessDeniedException($"The IMAP server does not allow {what}: {text}", exception);
        }

        if (Has(text, "OVERQUOTA") || Has(text, "LIMIT"))
        {
            return new MessageTooLargeException($"The IMAP server refused {what}: {text}", exception);
        }

        return new StoreUnavailableException($"The IMAP server refused {what}: {text}", exception);
    }

    private static bool Has(string text, string code) => text.Contains(code, StringComparison.OrdinalIgnoreCase);
}
