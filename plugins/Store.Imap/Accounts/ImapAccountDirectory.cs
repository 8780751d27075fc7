using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Passerelle.Sdk.Accounts;
using Passerelle.Store.Imap.Connections;

namespace Passerelle.Store.Imap.Accounts;

/// <summary>
/// The IMAP server's accounts: a sign-in is an IMAP login with the address mapped by <c>Imap:Login</c>.
/// The password the server accepted is kept in memory (<see cref="CredentialVault"/>) to open the user's
/// sessions later; its generation is the credential stamp (see docs/decisions.md).
/// </summary>
internal sealed class ImapAccountDirectory(
    ImapOptions options,
    ImapConnector connector,
    ImapSessionPool pool,
    CredentialVault vault,
    RefusedLogins refused,
    KnownAccounts known,
    ILogger<ImapAccountDirectory> logger) : IAccountDirectory
{
    // Concurrent sign-ins with the same credentials (a phone's parallel requests) share one IMAP login.
    private readonly ConcurrentDictionary<string, Lazy<Task<Account?>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<Account?> AuthenticateAsync(string login, string password, CancellationToken cancellationToken)
    {
        var address = login.Trim();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || password.Length == 0 || address.Any(char.IsWhiteSpace))
        {
            // Not an address: no account id can be made of it, and the server is not asked.
            return null;
        }

        var accountId = address.ToLowerInvariant();
        var imapLogin = options.LoginFor(accountId);
        if (refused.IsRefused(imapLogin, password))
        {
            return null;
        }

        var key = refused.KeyOf(imapLogin, password);
        var check = _inFlight.GetOrAdd(key, _ => new Lazy<Task<Account?>>(() => CheckAsync(accountId, imapLogin, password)));
        try
        {
            return await check.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<Account?>>>(key, check));
        }
    }

    public Task<string?> GetCredentialStampAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(vault.Stamp(accountId));

    public Task<Account?> FindAccountAsync(string address, CancellationToken cancellationToken) =>
        known.FindAsync(address, cancellationToken);

    public IAsyncEnumerable<Account> ListAccountsAsync(string? domain, CancellationToken cancellationToken) =>
        known.ListAsync(domain, cancellationToken);

    public Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken) =>
        known.ListDomainsAsync(cancellationToken);

    public IAsyncEnumerable<Group> ListGroupsAsync(string? domain, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<Group>();

    private async Task<Account?> CheckAsync(string accountId, string imapLogin, string password)
    {
        // Not the caller's token: other callers share this check. The connector's timeouts bound it.
        var client = await connector.OpenAsync(imapLogin, password, CancellationToken.None);
        if (client is null)
        {
            refused.Add(imapLogin, password);
            logger.LogInformation("The IMAP server refused the login {Login}", imapLogin);
            return null;
        }

        vault.Remember(accountId, imapLogin, password);
        await pool.OfferAsync(accountId, client);
        await known.RecordAsync(accountId, accountId, imapLogin, CancellationToken.None);
        return KnownAccounts.AccountFor(accountId, accountId);
    }
}
