using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Passerelle.Sdk.Accounts;

namespace Fixtures.ConfiguredAccounts;

/// <summary>The configured accounts as an <see cref="IAccountDirectory"/>: sign in with any address of an account.</summary>
internal sealed class ConfiguredAccountDirectory(IReadOnlyList<ConfiguredAccount> configured) : IAccountDirectory
{
    private readonly IReadOnlyList<(Account Account, byte[] PasswordHash)> _accounts = configured
        .Select(c => (new Account(c.Address.ToLowerInvariant(), c.Address, c.DisplayName ?? c.Address) { Addresses = [c.Address, .. c.Aliases], IsAdmin = c.Admin }, Hash(c.Password)))
        .ToList();

    public Task<Account?> AuthenticateAsync(string login, string password, CancellationToken cancellationToken)
    {
        var hash = Hash(password);
        var match = Find(login);
        // Compare against something even for an unknown login, so both cases take the same time.
        var expected = match?.PasswordHash ?? Hash(Guid.NewGuid().ToString());
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(hash, expected) ? match?.Account : null);
    }

    public Task<string?> GetCredentialStampAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(accountId) is { } entry ? Convert.ToHexString(entry.PasswordHash) : null);

    public Task<Account?> FindAccountAsync(string address, CancellationToken cancellationToken) =>
        Task.FromResult(Find(address)?.Account);

    public async IAsyncEnumerable<Account> ListAccountsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var (account, _) in _accounts.OrderBy(a => a.Account.Address, StringComparer.OrdinalIgnoreCase))
        {
            if (domain is null || account.Domain.Equals(domain, StringComparison.OrdinalIgnoreCase))
            {
                yield return account;
            }
        }
    }

    public Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_accounts
            .SelectMany(a => a.Account.Addresses)
            .Select(address => address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList());

    public async IAsyncEnumerable<Group> ListGroupsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    private (Account Account, byte[] PasswordHash)? Find(string address) =>
        _accounts.FirstOrDefault(a => a.Account.Addresses.Contains(address, StringComparer.OrdinalIgnoreCase)) is { Account: not null } found
            ? found
            : null;

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
