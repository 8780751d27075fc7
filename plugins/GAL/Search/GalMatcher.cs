using Passerelle.GAL.Index;
using Passerelle.GAL.Text;

namespace Passerelle.GAL.Search;

/// <summary>
/// Finds the entries a query matches: every token must start a word of the entry (of any of the sources it merges).
/// The token with the fewest entries is looked up in each source's index; the others are checked on the candidates' words. The
/// sources of a merged entry are gathered only when its own words do not decide, or to show it.
/// </summary>
internal static class GalMatcher
{
    /// <summary>How many entries match, and the first <paramref name="count"/> in <paramref name="order"/>.</summary>
    public static (int Total, List<GalCandidate> First) Find(GalView view, IReadOnlyList<QueryToken> tokens, int count, Comparison<GalCandidate> order)
    {
        var scratch = Scratch.Rent();
        try
        {
            Collect(view, tokens, scratch);
            return (scratch.Candidates.Count, First(scratch.Candidates, count, order));
        }
        finally
        {
            scratch.Return();
        }
    }

    private static void Collect(GalView view, IReadOnlyList<QueryToken> tokens, Scratch scratch)
    {
        var seed = tokens.Count == 1 ? tokens[0] : tokens.MinBy(token => Cost(view, token))!;
        foreach (var source in view.Sources)
        {
            source.CollectPrefix(seed.Joined, scratch.Hits);
            if (seed.Parts.Count > 1)
            {
                source.CollectPrefix(seed.LongestPart, scratch.Hits);
            }
        }

        // one plain token: every hit matches it, as it was found by it
        var hitsMatch = tokens.Count == 1 && seed.Parts.Count == 1;
        foreach (var hit in scratch.Hits)
        {
            // an entry merged under a directory entry is known by that entry, compared by reference: no address to hash
            var head = view.DirectoryEntryOf(hit);
            var first = head is null ? scratch.Keys.Add(hit.PrimaryAddress) : scratch.Heads.Add(head);
            if (!first)
            {
                continue;
            }

            // the first hit of a key decides for it: a merged entry matches when the union of its sources' words does
            var key = head?.PrimaryAddress ?? hit.PrimaryAddress;
            List<IndexedEntry>? merged = null;
            if (!hitsMatch && !hit.MatchesAll(tokens))
            {
                if (!view.HasOthers(key, hit))
                {
                    continue;
                }

                merged = view.Gather(key);
                if (!tokens.All(token => merged.Exists(entry => token.Matches(entry.Words))))
                {
                    continue;
                }
            }

            scratch.Candidates.Add(new GalCandidate(key, view.SortKeyOf(key, hit, ref merged)));
        }
    }

    private static long Cost(GalView view, QueryToken token)
    {
        long cost = 0;
        foreach (var source in view.Sources)
        {
            cost += source.CountPrefix(token.Joined) + (token.Parts.Count > 1 ? source.CountPrefix(token.LongestPart) : 0);
        }

        return cost;
    }

    // The first `count` in order, without sorting them all: a max-heap of the best so far, which rejects most
    // candidates with one comparison.
    private static List<GalCandidate> First(List<GalCandidate> candidates, int count, Comparison<GalCandidate> order)
    {
        if (count >= candidates.Count)
        {
            var all = new List<GalCandidate>(candidates);
            all.Sort(order);
            return all;
        }

        var best = new PriorityQueue<GalCandidate, GalCandidate>(count + 1, Comparer<GalCandidate>.Create((a, b) => order(b, a)));
        foreach (var candidate in candidates)
        {
            if (best.Count < count)
            {
                best.Enqueue(candidate, candidate);
            }
            else if (count > 0 && order(candidate, best.Peek()) < 0)
            {
                best.DequeueEnqueue(candidate, candidate);
            }
        }

        var first = best.UnorderedItems.Select(item => item.Element).ToList();
        first.Sort(order);
        return first;
    }

    /// <summary>
    /// The working lists of a search, kept per thread: a wide prefix hits tens of thousands of entries, and fresh
    /// lists that size each time would go to the large object heap and bring full collections. A search uses them
    /// without awaiting, so one thread never has two searches in them at once.
    /// </summary>
    private sealed class Scratch
    {
        private const int KeepUpTo = 1 << 18;

        [ThreadStatic]
        private static Scratch? _cached;

        public List<IndexedEntry> Hits { get; } = [];

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public HashSet<IndexedEntry> Heads { get; } = new(ReferenceEqualityComparer.Instance);

        public List<GalCandidate> Candidates { get; } = [];

        public static Scratch Rent()
        {
            var scratch = _cached ?? new Scratch();
            _cached = null;
            return scratch;
        }

        public void Return()
        {
            if (Hits.Count > KeepUpTo)
            {
                return; // an outsized search: let its lists go
            }

            Hits.Clear();
            Keys.Clear();
            Heads.Clear();
            Candidates.Clear();
            _cached = this;
        }
    }
}
