using System.Runtime.CompilerServices;
using Passerelle.Sdk.Accounts;

namespace Passerelle.Host.Tests;

/// <summary>An in-memory directory for the sign-in tests; counts how often passwords are checked.</summary>
internal sealed class FakeAccountDirectory : IAccountDirectory
{
    private readonly Dictionary<string, (Account Account, string Password, int Stamp)> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public int Authentications { get; private set; }

    /// <summary>When set, password checks wait for it, as a slow hash would make them.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public void Add(string address, string password)
    {
        var id = address.ToLowerInvariant();
        _accounts[id] = (new Account(id, address, address), password, 1);
    }

    public void ChangePassword(string address, string password)
    {
        var entry = _accounts[address];
        _accounts[address] = (entry.Account, password, entry.Stamp + 1);
    }

    public void Remove(string address) => _accounts.Remove(address);

    public async Task<Account?> AuthenticateAsync(string login, string password, CancellationToken cancellationToken)
    {
        Authentications++;
        if (Hold is { } hold)
        {
            await hold.Task;
        }

        return _accounts.TryGetValue(login, out var entry) && entry.Password == password ? entry.Account : null;
    }

    public Task<string?> GetCredentialStampAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(_accounts.TryGetValue(accountId, out var entry) ? entry.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

    public Task<Account?> FindAccountAsync(string address, CancellationToken cancellationToken) =>
        Task.FromResult(_accounts.TryGetValue(address, out var entry) ? entry.Account : null);

    public async IAsyncEnumerable<Account> ListAccountsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var entry in _accounts.Values)
        {
            yield return entry.Account;
        }
    }

    public Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_accounts.Values.Select(e => e.Account.Domain).Distinct().ToList());

    public async IAsyncEnumerable<Group> ListGroupsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }
}
