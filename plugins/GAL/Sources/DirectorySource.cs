using Microsoft.Extensions.Logging;
using Passerelle.GAL.Index;
using Passerelle.Sdk.Accounts;

namespace Passerelle.GAL.Sources;

/// <summary>
/// A domain's accounts and groups as GAL entries. Every account of the domain is listed, unless a group of the
/// domain puts its members in the GAL: then only the members of such groups are (from any domain). Every group
/// of the domain is listed too. The directory has no change feed, so it is read again as
/// <see cref="RefreshingValue{T}"/> says; only accounts and groups that differ from the last read are re-indexed.
/// </summary>
internal sealed class DirectorySource : IEntryOrigin
{
    private readonly string _domain;
    private readonly IAccountDirectory _directory;
    private readonly RefreshingValue<SourceSnapshot> _snapshot;
    private readonly SourceIndexWriter _index = new();
    private Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private Dictionary<string, Group> _groups = new(StringComparer.Ordinal);

    public DirectorySource(string domain, IAccountDirectory directory, GalOptions options, TimeProvider time, ILogger logger)
    {
        _domain = domain;
        _directory = directory;
        _snapshot = new RefreshingValue<SourceSnapshot>(ReadAsync, options.RefreshInterval, time, logger, $"the accounts of {domain}");
    }

    public DateTimeOffset LastUsed => _snapshot.LastUsed;

    /// <summary>How many times the index was rebuilt whole, for tests.</summary>
    public int BaseBuilds => _index.BaseBuilds;

    public ValueTask<SourceSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => _snapshot.GetAsync(cancellationToken);

    public void Stop() => _snapshot.Stop();

    public Task<byte[]?> LoadPhotoAsync(IndexedEntry entry, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

    public async Task<IReadOnlyList<byte[]>> LoadCertificatesAsync(IndexedEntry entry, CancellationToken cancellationToken) =>
        entry.ItemId.StartsWith(AccountEntries.AccountPrefix, StringComparison.Ordinal)
            ? await _directory.GetCertificatesAsync(entry.ItemId[AccountEntries.AccountPrefix.Length..], cancellationToken)
            : [];

    private async Task<SourceSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var groups = await _directory.ListGroupsAsync(_domain, cancellationToken).ToListAsync(cancellationToken);
        var accounts = await ListedAccountsAsync(groups, cancellationToken);
        var nextAccounts = accounts.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var nextGroups = groups.GroupBy(g => g.Address.ToLowerInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var changed = new List<IndexedEntry>();
        var removed = new List<string>();
        Diff(_accounts, nextAccounts, SameAccount, account => AccountEntries.FromAccount(account, this), AccountEntries.AccountPrefix, changed, removed);
        Diff(_groups, nextGroups, SameGroup, group => AccountEntries.FromGroup(group, this), AccountEntries.GroupPrefix, changed, removed);
        if (_index.BaseBuilds == 0)
        {
            _index.Reset(changed);
        }
        else
        {
            _index.Apply(changed, removed);
        }

        _accounts = nextAccounts;
        _groups = nextGroups;
        return _index.Snapshot;
    }

    private async Task<List<Account>> ListedAccountsAsync(List<Group> groups, CancellationToken cancellationToken)
    {
        var accounts = await _directory.ListAccountsAsync(_domain, cancellationToken).ToListAsync(cancellationToken);
        var listing = groups.Where(group => group.MembersInGal).ToList();
        if (listing.Count == 0)
        {
            return accounts;
        }

        var members = listing.SelectMany(group => group.Members).Select(id => id.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var listed = accounts.Where(account => members.Contains(account.Id)).ToList();
        foreach (var outside in members.Except(listed.Select(account => account.Id), StringComparer.Ordinal))
        {
            if (await _directory.FindAccountAsync(outside, cancellationToken) is { } account)
            {
                listed.Add(account);
            }
        }

        return listed;
    }

    private static void Diff<T>(
        Dictionary<string, T> before,
        Dictionary<string, T> after,
        Func<T, T, bool> same,
        Func<T, IndexedEntry> entry,
        string prefix,
        List<IndexedEntry> changed,
        List<string> removed)
    {
        foreach (var (id, item) in after)
        {
            if (!before.TryGetValue(id, out var old) || !same(old, item))
            {
                changed.Add(entry(item));
            }
        }

        removed.AddRange(before.Keys.Where(id => !after.ContainsKey(id)).Select(id => prefix + id));
    }

    private static bool SameAccount(Account a, Account b) =>
        a.Address == b.Address && a.DisplayName == b.DisplayName && a.Addresses.SequenceEqual(b.Addresses);

    private static bool SameGroup(Group a, Group b) => a.Address == b.Address && a.DisplayName == b.DisplayName;
}
