namespace Passerelle.GAL.Text;

/// <summary>Turns what the user typed into tokens: every token must match the same entry.</summary>
internal static class GalQueryText
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', '<', '>', '"', '(', ')'];

    /// <summary>The tokens of a query. Of a token that looks like an address, only the local part counts, as entries are found by theirs.</summary>
    public static IReadOnlyList<QueryToken> Parse(string? text)
    {
        var tokens = new List<QueryToken>();
        foreach (var chunk in TextFolding.Fold(text).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var at = chunk.IndexOf('@', StringComparison.Ordinal);
            var parts = Words.Parts(at < 0 ? chunk : chunk[..at]);
            if (parts.Count > 0)
            {
                tokens.Add(new QueryToken(string.Concat(parts), parts));
            }
        }

        return tokens;
    }

    /// <summary>How many letters and digits the query has, what the minimum query length counts.</summary>
    public static int Length(IReadOnlyList<QueryToken> tokens) => tokens.Sum(token => token.Joined.Length);
}
