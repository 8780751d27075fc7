namespace Passerelle.Sdk.Directory;

/// <summary>
/// The global address list: what a phone searches when the user types a name, and what resolves
/// recipients. An absent provider (the GAL plugin turned off) is an empty list of providers.
/// </summary>
public interface IGalProvider
{
    /// <summary>Searches the address list as one account sees it.</summary>
    /// <param name="accountId">The searching account.</param>
    /// <param name="query">The query and the range wanted.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The entries of the range and the total number of matches.</returns>
    Task<GalSearchResult> SearchAsync(string accountId, GalQuery query, CancellationToken cancellationToken);

    /// <summary>Finds the entries an address or a name stands for: the exact address, or every entry whose name matches.</summary>
    /// <param name="accountId">The account resolving.</param>
    /// <param name="nameOrAddress">What the user typed as a recipient.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The matching entries, best first; with certificates.</returns>
    Task<IReadOnlyList<GalEntry>> ResolveAsync(string accountId, string nameOrAddress, CancellationToken cancellationToken);
}

/// <summary>A global address list search.</summary>
/// <param name="Text">What the user typed; it matches the start of any word of the names, alias or address.</param>
/// <param name="Offset">The first match wanted, from 0.</param>
/// <param name="Limit">How many matches wanted.</param>
public sealed record GalQuery(string Text, int Offset, int Limit)
{
    /// <summary>Whether, and how, to return photos.</summary>
    public GalPictureOptions? Pictures { get; init; }
}

/// <summary>What photos a search returns.</summary>
/// <param name="MaxSize">The largest photo to return, in bytes, or <see langword="null"/> for any size.</param>
/// <param name="MaxPictures">How many photos at most, or <see langword="null"/> for all.</param>
public sealed record GalPictureOptions(int? MaxSize, int? MaxPictures);

/// <summary>The result of a search.</summary>
/// <param name="Entries">The entries of the range asked for.</param>
/// <param name="Total">How many entries match in all.</param>
public sealed record GalSearchResult(IReadOnlyList<GalEntry> Entries, int Total);
