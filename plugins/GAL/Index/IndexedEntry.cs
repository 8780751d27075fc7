using Passerelle.Sdk.Directory;

namespace Passerelle.GAL.Index;

/// <summary>One entry as one source holds it: its text fields, the words it is found by, and where to read the rest.</summary>
internal sealed class IndexedEntry
{
    /// <summary>The entry's identifier in its source (an account, a group or a contact), unique there.</summary>
    public required string ItemId { get; init; }

    /// <summary>The text fields; never a picture or certificates.</summary>
    public required GalEntry Fields { get; init; }

    /// <summary>Every address, in lower case, the primary one first; never empty.</summary>
    public required string[] Addresses { get; init; }

    /// <summary>The folded words it is found by, distinct.</summary>
    public required string[] Words { get; init; }

    /// <summary>The folded display name, what results are sorted by.</summary>
    public required string SortKey { get; init; }

    /// <summary>Whether the display name is a name rather than the address or its local part (which directories use when they know no name).</summary>
    public required bool HasOwnName { get; init; }

    /// <summary>The photo's size in bytes when indexed, 0 for none.</summary>
    public int PhotoSize { get; init; }

    public required IEntryOrigin Origin { get; init; }

    /// <summary>Whether the entry is the directory's (an account or a group): its primary address is its merge key as it is.</summary>
    public bool IsDirectoryEntry { get; init; }

    /// <summary>Numbers the entry in its source's index; set once, by the index, before anyone searches it.</summary>
    public long Serial { get; set; }

    public string PrimaryAddress => Addresses[0];

    /// <summary>
    /// The directory entry having this entry's primary address among its addresses, remembered per directory snapshot:
    /// snapshots change only when the directory does, so most searches look it up once per entry, not once per search.
    /// </summary>
    public IndexedEntry? DirectoryEntryIn(SourceSnapshot directory)
    {
        var link = _directoryLink; // one reference, read and written whole: safe to share between searches
        if (link is null || !ReferenceEquals(link.Directory, directory))
        {
            link = new DirectoryLink(directory, directory.FirstWithAddress(PrimaryAddress));
            _directoryLink = link;
        }

        return link.Entry;
    }

    private DirectoryLink? _directoryLink;

    /// <summary>Whether every token starts a word of this entry alone.</summary>
    public bool MatchesAll(IReadOnlyList<Text.QueryToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (!token.Matches(Words))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether re-indexing <paramref name="other"/> instead of this entry would change nothing a search shows.</summary>
    public bool SameContentAs(IndexedEntry other) =>
        Fields.DisplayName == other.Fields.DisplayName
        && Fields.EmailAddress == other.Fields.EmailAddress
        && Fields.FirstName == other.Fields.FirstName
        && Fields.LastName == other.Fields.LastName
        && Fields.Alias == other.Fields.Alias
        && Fields.Phone == other.Fields.Phone
        && Fields.HomePhone == other.Fields.HomePhone
        && Fields.MobilePhone == other.Fields.MobilePhone
        && Fields.Office == other.Fields.Office
        && Fields.Title == other.Fields.Title
        && Fields.Company == other.Fields.Company
        && PhotoSize == other.PhotoSize
        && Addresses.AsSpan().SequenceEqual(other.Addresses)
        && Words.AsSpan().SequenceEqual(other.Words);

    private sealed record DirectoryLink(SourceSnapshot Directory, IndexedEntry? Entry);
}
