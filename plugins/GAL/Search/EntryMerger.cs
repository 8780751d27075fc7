using Passerelle.GAL.Index;
using Passerelle.Sdk.Directory;

namespace Passerelle.GAL.Search;

/// <summary>
/// Merges the entries of several sources with one address into one GAL entry, field by field: each field comes
/// from the first source in merge order that has it (the directory, then flagged folders in the order they
/// were flagged, then the user's directory books, own contacts and collected addresses). The display name comes
/// from the first source whose name is more than the address. Photos and certificates are read later.
/// </summary>
internal static class EntryMerger
{
    public static IndexedEntry Named(IReadOnlyList<IndexedEntry> entries) =>
        entries.FirstOrDefault(entry => entry.HasOwnName) ?? entries[0];

    public static GalEntry Merge(GalMatch match)
    {
        var entries = match.Entries;
        var addressed = entries.FirstOrDefault(entry => entry.PrimaryAddress == match.Key) ?? entries[0];
        return new GalEntry(Named(entries).Fields.DisplayName, addressed.Fields.EmailAddress)
        {
            FirstName = First(entries, fields => fields.FirstName),
            LastName = First(entries, fields => fields.LastName),
            Alias = First(entries, fields => fields.Alias),
            Phone = First(entries, fields => fields.Phone),
            HomePhone = First(entries, fields => fields.HomePhone),
            MobilePhone = First(entries, fields => fields.MobilePhone),
            Office = First(entries, fields => fields.Office),
            Title = First(entries, fields => fields.Title),
            Company = First(entries, fields => fields.Company),
        };
    }

    private static string? First(List<IndexedEntry> entries, Func<GalEntry, string?> field)
    {
        foreach (var entry in entries)
        {
            if (field(entry.Fields) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }
}
