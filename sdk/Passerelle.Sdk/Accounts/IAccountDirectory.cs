namespace Passerelle.Sdk.Accounts;

/// <summary>
/// Verifies logins and finds accounts, domains and groups. A store plugin implements it;
/// plugins never check passwords themselves but go through <see cref="ISignInService"/>.
/// </summary>
public interface IAccountDirectory
{
    /// <summary>Checks a login and its password.</summary>
    /// <param name="login">What the user typed: an address, or whatever the directory accepts as a login.</param>
    /// <param name="password">The password, never stored or logged.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The account, or <see langword="null"/> when the login is unknown or the password wrong;
    /// both cases take the same time.</returns>
    /// <exception cref="Errors.StoreUnavailableException">The directory cannot be reached.</exception>
    Task<Account?> AuthenticateAsync(string login, string password, CancellationToken cancellationToken);

    /// <summary>
    /// A value that changes whenever the account's credentials change, cheap to read: the host's
    /// credential cache checks it on every request so that a password change applies at once.
    /// </summary>
    /// <param name="accountId">The account's identifier.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The stamp, or <see langword="null"/> when the account no longer exists.</returns>
    Task<string?> GetCredentialStampAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Finds an account by any of its addresses, case-insensitively.</summary>
    /// <param name="address">An SMTP address.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    Task<Account?> FindAccountAsync(string address, CancellationToken cancellationToken);

    /// <summary>Lists accounts, of one domain or of all.</summary>
    /// <param name="domain">A domain name, or <see langword="null"/> for every domain.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The accounts, ordered by address.</returns>
    IAsyncEnumerable<Account> ListAccountsAsync(string? domain, CancellationToken cancellationToken);

    /// <summary>Lists the mail domains the directory serves.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The domain names in lower case.</returns>
    Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken);

    /// <summary>Lists groups, of one domain or of all.</summary>
    /// <param name="domain">A domain name, or <see langword="null"/> for every domain.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The groups.</returns>
    IAsyncEnumerable<Group> ListGroupsAsync(string? domain, CancellationToken cancellationToken);

    /// <summary>
    /// The S/MIME certificates an account publishes, so that others can encrypt mail to it
    /// (what ResolveRecipients returns with a recipient). A directory that keeps none need not implement it.
    /// </summary>
    /// <param name="accountId">The account's identifier.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The certificates (DER), empty when the account has none or does not exist.</returns>
    /// <exception cref="Errors.StoreUnavailableException">The directory cannot be reached.</exception>
    Task<IReadOnlyList<byte[]>> GetCertificatesAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<byte[]>>([]);
}
