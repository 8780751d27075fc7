using Passerelle.GAL.Sources;
using Passerelle.GAL.Text;
using Passerelle.Sdk.Directory;

namespace Passerelle.GAL.Search;

/// <summary>
/// The global address list over every source (<see cref="GalSources"/>), merged by address, searched by word
/// prefix in memory.
/// </summary>
internal sealed class AggregatingGalProvider(GalSources sources, GalOptions options) : IGalProvider
{
    /// <summary>The most entries a name resolves to; a phone shows a handful of suggestions at most.</summary>
    public const int MaxResolved = 100;

    public async Task<GalSearchResult> SearchAsync(string accountId, GalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Limit);
        var tokens = GalQueryText.Parse(query.Text);
        if (GalQueryText.Length(tokens) < options.MinQueryLength)
        {
            return new GalSearchResult([], 0);
        }

        var view = await sources.GetViewAsync(accountId, withOwnContacts: false, cancellationToken);
        var wanted = (int)Math.Min((long)query.Offset + query.Limit, int.MaxValue);
        var (total, first) = GalMatcher.Find(view, tokens, wanted, GalCandidate.Compare);
        var page = first.Skip(query.Offset).Select(candidate => Gather(view, candidate.Key)).ToList();
        var pictures = query.Pictures is { } pictureOptions ? new PictureSelector(pictureOptions) : null;
        var entries = new List<GalEntry>(page.Count);
        foreach (var match in page)
        {
            var entry = EntryMerger.Merge(match);
            entries.Add(pictures is null ? entry : entry with { Picture = await pictures.SelectAsync(match.Entries, cancellationToken) });
        }

        return new GalSearchResult(entries, total);
    }

    public async Task<IReadOnlyList<GalEntry>> ResolveAsync(string accountId, string nameOrAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrAddress);
        var text = RecipientText.AddressOf(nameOrAddress) ?? nameOrAddress.Trim();
        var view = await sources.GetViewAsync(accountId, withOwnContacts: true, cancellationToken);
        var matches = RecipientText.IsAddress(text) ? ByAddress(view, text.ToLowerInvariant()) : ByName(view, text);
        var resolved = new List<GalEntry>(matches.Count);
        foreach (var match in matches)
        {
            resolved.Add(EntryMerger.Merge(match) with { Certificates = await CertificatesAsync(match, cancellationToken) });
        }

        return resolved;
    }

    // The entry with this address, then any whose other addresses include it.
    private static List<GalMatch> ByAddress(GalView view, string address)
    {
        var keys = new List<string> { view.KeyOf(address) };
        var found = new List<Index.IndexedEntry>();
        foreach (var source in view.Sources)
        {
            source.CollectAddress(address, found);
        }

        keys.AddRange(found.Select(view.KeyOf));
        return keys.Distinct(StringComparer.Ordinal)
            .Select(key => Gather(view, key))
            .Where(match => match.Entries.Count > 0)
            .Take(MaxResolved)
            .ToList();
    }

    // Every entry the name matches as a search would, the ones whose whole display name it is first.
    private List<GalMatch> ByName(GalView view, string name)
    {
        var tokens = GalQueryText.Parse(name);
        if (GalQueryText.Length(tokens) < options.MinQueryLength)
        {
            return [];
        }

        var folded = string.Join(' ', tokens.Select(token => token.Joined));
        int Compare(GalCandidate a, GalCandidate b)
        {
            var exact = (b.SortKey == folded).CompareTo(a.SortKey == folded);
            return exact != 0 ? exact : GalCandidate.Compare(a, b);
        }

        return GalMatcher.Find(view, tokens, MaxResolved, Compare).First.Select(candidate => Gather(view, candidate.Key)).ToList();
    }

    private static GalMatch Gather(GalView view, string key) => new(key, view.Gather(key));

    // Every source's certificates for the entry, each once.
    private static async Task<IReadOnlyList<byte[]>> CertificatesAsync(GalMatch match, CancellationToken cancellationToken)
    {
        var certificates = new List<byte[]>();
        foreach (var entry in match.Entries)
        {
            foreach (var certificate in await entry.Origin.LoadCertificatesAsync(entry, cancellationToken))
            {
                if (!certificates.Exists(known => known.AsSpan().SequenceEqual(certificate)))
                {
                    certificates.Add(certificate);
                }
            }
        }

        return certificates;
    }
}
