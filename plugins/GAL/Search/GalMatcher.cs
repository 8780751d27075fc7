using Passerelle.GAL.Index;
using Passerelle.GAL.Text;

namespace Passerelle.GAL.Search;

/// <summary>
/// Finds the entries a query matches: every token must start a word of the entry (of any of the sources it merges).
/// The longest token is looked up in each source's index; the others are checked on the candidates' words.
/// </summary>
internal static class GalMatcher
{
    public static List<GalMatch> Find(GalView view, IReadOnlyList<QueryToken> tokens)
    {
        var seed = tokens.MaxBy(token => token.Joined.Length)!;
        var hits = new List<IndexedEntry>();
        foreach (var source in view.Sources)
        {
            source.CollectPrefix(seed.Joined, hits);
            if (seed.Parts.Count > 1)
            {
                source.CollectPrefix(seed.LongestPart, hits);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var matches = new List<GalMatch>();
        foreach (var hit in hits)
        {
            var key = view.KeyOf(hit);
            if (!seen.Add(key))
            {
                continue;
            }

            var entries = view.Gather(key);
            if (tokens.All(token => entries.Exists(entry => token.Matches(entry.Words))))
            {
                matches.Add(new GalMatch(key, entries));
            }
        }

        return matches;
    }

    /// <summary>The first <paramref name="count"/> matches in <paramref name="comparison"/> order, without sorting them all.</summary>
    public static List<GalMatch> Top(List<GalMatch> matches, int count, Comparison<GalMatch> comparison)
    {
        if (count >= matches.Count)
        {
            matches.Sort(comparison);
            return matches;
        }

        // a max-heap of the best `count` so far: most candidates are rejected by one comparison with its top
        var worstFirst = Comparer<GalMatch>.Create((a, b) => comparison(b, a));
        var best = new PriorityQueue<GalMatch, GalMatch>(count + 1, worstFirst);
        foreach (var match in matches)
        {
            if (best.Count < count)
            {
                best.Enqueue(match, match);
            }
            else if (count > 0 && comparison(match, best.Peek()) < 0)
            {
                best.DequeueEnqueue(match, match);
            }
        }

        var top = best.UnorderedItems.Select(item => item.Element).ToList();
        top.Sort(comparison);
        return top;
    }
}
