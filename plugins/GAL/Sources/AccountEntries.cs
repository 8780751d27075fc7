using Passerelle.GAL.Index;
using Passerelle.GAL.Text;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Directory;

namespace Passerelle.GAL.Sources;

/// <summary>Entries for the directory's accounts and groups.</summary>
internal static class AccountEntries
{
    public const string AccountPrefix = "account:";
    public const string GroupPrefix = "group:";

    /// <summary>An account: found by its name and the local part of each of its addresses; its alias is the primary local part.</summary>
    public static IndexedEntry FromAccount(Account account, IEntryOrigin origin)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        Words.AddName(account.DisplayName, words);
        foreach (var address in account.Addresses)
        {
            Words.AddAddress(address, words);
        }

        return new IndexedEntry
        {
            ItemId = AccountPrefix + account.Id,
            Fields = new GalEntry(account.DisplayName, account.Address) { Alias = EntryText.LocalPart(account.Address) },
            Addresses = EntryText.Addresses([account.Address, .. account.Addresses]),
            Words = [.. words],
            SortKey = TextFolding.Fold(account.DisplayName),
            HasOwnName = EntryText.IsOwnName(account.DisplayName, account.Address),
            Origin = origin,
        };
    }

    /// <summary>A group, listed like an account so that its address can be found and resolved.</summary>
    public static IndexedEntry FromGroup(Group group, IEntryOrigin origin)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        Words.AddName(group.DisplayName, words);
        Words.AddAddress(group.Address, words);
        return new IndexedEntry
        {
            ItemId = GroupPrefix + group.Address.ToLowerInvariant(),
            Fields = new GalEntry(group.DisplayName, group.Address) { Alias = EntryText.LocalPart(group.Address) },
            Addresses = EntryText.Addresses([group.Address]),
            Words = [.. words],
            SortKey = TextFolding.Fold(group.DisplayName),
            HasOwnName = EntryText.IsOwnName(group.DisplayName, group.Address),
            Origin = origin,
        };
    }
}
