namespace Passerelle.GAL.Text;

/// <summary>
/// One word of what the user typed. It matches an entry when a word of the entry starts with it; a token typed
/// with punctuation ("o'br", "john.smith") also matches when each of its parts starts a word.
/// </summary>
/// <param name="Joined">The token's letters and digits, folded, run together.</param>
/// <param name="Parts">Its runs of letters and digits; one part when it has no punctuation.</param>
internal sealed record QueryToken(string Joined, IReadOnlyList<string> Parts)
{
    /// <summary>The longest part, the most selective to look up when <see cref="Joined"/> finds nothing.</summary>
    public string LongestPart => Parts.MaxBy(part => part.Length)!;

    public bool Matches(string[] words) =>
        StartsAny(words, Joined) || (Parts.Count > 1 && Parts.All(part => StartsAny(words, part)));

    private static bool StartsAny(string[] words, string prefix)
    {
        foreach (var word in words)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
