using Passerelle.Sdk.Directory;
using Passerelle.Sdk.Errors;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// A GAL search through the GAL providers (the GAL plugin aggregates the sources; it is the only provider by
/// default). With no provider, the store is unavailable: Status 3.
/// </summary>
internal sealed class GalSearch(IEnumerable<IGalProvider> providers)
{
    /// <exception cref="SearchRequestException">No provider, or one that failed.</exception>
    public async Task<GalSearchResult> RunAsync(EasContext context, string text, SearchRange range, GalPictureOptions? pictures, CancellationToken cancellationToken)
    {
        var provider = providers.LastOrDefault() ?? throw new SearchRequestException(SearchStatus.ServerError, "no plugin provides a global address list");
        try
        {
            return await provider.SearchAsync(context.AccountId, new GalQuery(text, range.Start, range.Count) { Pictures = pictures }, cancellationToken);
        }
        catch (StoreUnavailableException exception)
        {
            throw new SearchRequestException(SearchStatus.ServerError, exception.Message);
        }
    }
}
