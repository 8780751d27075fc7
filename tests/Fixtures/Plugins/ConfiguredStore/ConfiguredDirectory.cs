using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Passerelle.Sdk.Accounts;

namespace Fixtures.ConfiguredStore;

/// <summary>
/// The accounts and groups of <see cref="StoreData"/> as an <see cref="IAccountDirectory"/>. It reads the data
/// again whenever the source hands out another instance (a configuration reload) or a higher version.
/// </summary>
internal sealed class ConfiguredDirectory(Func<StoreData> data) : IAccountDirectory
{
    private DirectoryView? _view;

    /// <summary>How many times the accounts were listed, for tests of caching.</summary>
    public int ListAccountsCalls;

    public Task<Account?> AuthenticateAsync(string login, string password, CancellationToken cancellationToken)
    {
        var match = View().Find(login);
        // Compare against something even for an unknown login, so both cases take the same time.
        var expected = match?.PasswordHash ?? Hash(Guid.NewGuid().ToString());
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(Hash(password), expected) ? match?.Account : null);
    }

    public Task<string?> GetCredentialStampAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(View().Find(accountId) is { } entry ? Convert.ToHexString(entry.PasswordHash) : null);

    public Task<Account?> FindAccountAsync(string address, CancellationToken cancellationToken) =>
        Task.FromResult(View().Find(address)?.Account);

    public async IAsyncEnumerable<Account> ListAccountsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        Interlocked.Increment(ref ListAccountsCalls);
        foreach (var entry in View().Accounts)
        {
            if (domain is null || entry.Account.Domain.Equals(domain, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry.Account;
            }
        }
    }

    public Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(View().Accounts
            .Select(entry => entry.Account.Domain.ToLowerInvariant())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList());

    public async IAsyncEnumerable<Group> ListGroupsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var group in View().Groups)
        {
            if (domain is null || group.Address.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase))
            {
                yield return group;
            }
        }
    }

    public Task<IReadOnlyList<byte[]>> GetCertificatesAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(View().Find(accountId)?.Certificates ?? []);

    private DirectoryView View()
    {
        var current = data();
        var view = _view;
        if (view is null || !ReferenceEquals(view.Source, current) || view.Version != current.Version)
        {
            view = new DirectoryView(current);
            _view = view;
        }

        return view;
    }

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));

    private sealed record AccountEntry(Account Account, byte[] PasswordHash, IReadOnlyList<byte[]> Certificates);

    private sealed class DirectoryView
    {
        private readonly Dictionary<string, AccountEntry> _byAddress = new(StringComparer.OrdinalIgnoreCase);

        public DirectoryView(StoreData data)
        {
            Source = data;
            Version = data.Version;
            Accounts = data.Accounts
                .Select(a => new AccountEntry(
                    new Account(a.Address.ToLowerInvariant(), a.Address, a.DisplayName ?? a.Address[..a.Address.IndexOf('@', StringComparison.Ordinal)])
                    {
                        Addresses = [a.Address, .. a.Aliases],
                    },
                    Hash(a.Password),
                    a.Certificates.Select(Convert.FromBase64String).ToList()))
                .OrderBy(entry => entry.Account.Address, StringComparer.OrdinalIgnoreCase)
                .ToList();
            foreach (var entry in Accounts)
            {
                foreach (var address in entry.Account.Addresses)
                {
                    _byAddress.TryAdd(address, entry);
                }
            }

            Groups = data.Groups
                .Select(g => new Group(g.Address, g.DisplayName, g.Members.Select(m => m.ToLowerInvariant()).ToList(), g.MembersInGal))
                .ToList();
        }

        public StoreData Source { get; }

        public int Version { get; }

        public IReadOnlyList<AccountEntry> Accounts { get; }

        public IReadOnlyList<Group> Groups { get; }

        public AccountEntry? Find(string address) => _byAddress.GetValueOrDefault(address.Trim());
    }
}
