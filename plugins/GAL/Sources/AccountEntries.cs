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
        var name = TextFolding.Fold(account.DisplayName);
        var words = new List<string>(8);
        Words.AddFolded(name, words);
        foreach (var address in account.Addresses)
        {
            Words.AddAddress(address, words);
        }

        return new IndexedEntry
        {
            ItemId = AccountPrefix + account.Id,
            Fields = new GalEntry(account.DisplayName, account.Address) { Alias = EntryText.LocalPart(account.Address) },
            Addresses = EntryText.Addresses(account.Addresses.Prepend(account.Address)),
            Words = EntryText.Sorted(words),
            SortKey = name,
            HasOwnName = EntryText.IsOwnName(name, account.Address),
            Origin = origin,
            IsDirectoryEntry = true,
        };
    }

    /// <summary>A group, listed like an account so that its address can be found and resolved.</summary>
    public static IndexedEntry FromGroup(Group group, IEntryOrigin origin)
    {
        var name = TextFolding.Fold(group.DisplayName);
        var words = new List<string>(4);
        Words.AddFolded(name, words);
        Words.AddAddress(group.Address, words);
        return new IndexedEntry
        {
            ItemId = GroupPrefix + group.Address.ToLowerInvariant(),
            Fields = new GalEntry(group.DisplayName, group.Address) { Alias = EntryText.LocalPart(group.Address) },
            Addresses = EntryText.Addresses([group.Address]),
            Words = EntryText.Sorted(words),
            SortKey = name,
            HasOwnName = EntryText.IsOwnName(name, group.Address),
            Origin = origin,
            IsDirectoryEntry = true,
        };
    }
}
