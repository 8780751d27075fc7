namespace Passerelle.GAL.Text;

/// <summary>
/// The words an entry is found by. A word is a run of letters and digits of the folded text; where parts are
/// joined by punctuation without a space ("Jean-Pierre", "O'Brien", "john.smith"), the parts run together are a
/// word too ("jeanpierre", "obrien", "johnsmith"), so that typing them without the punctuation finds them.
/// </summary>
internal static class Words
{
    /// <summary>Adds the words of a name.</summary>
    public static void AddName(string? text, ICollection<string> words) => AddFolded(TextFolding.Fold(text), words);

    /// <summary>Adds the words of a name already folded.</summary>
    public static void AddFolded(string folded, ICollection<string> words)
    {
        var start = -1;
        var chunkParts = 0;
        var chunkStart = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var c = i < folded.Length ? folded[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                    chunkStart = chunkStart < 0 ? i : chunkStart;
                }

                continue;
            }

            if (start >= 0)
            {
                Add(words, folded[start..i]);
                chunkParts++;
                start = -1;
            }

            if (char.IsWhiteSpace(c) || i == folded.Length)
            {
                if (chunkParts > 1)
                {
                    Add(words, Joined(folded.AsSpan(chunkStart, i - chunkStart)));
                }

                chunkParts = 0;
                chunkStart = -1;
            }
        }
    }

    /// <summary>
    /// Adds the words of an address: those of its local part only. The domain is left out, as Exchange's
    /// name resolution does: every colleague shares it, so "ex" would otherwise find the whole example.com.
    /// </summary>
    public static void AddAddress(string? address, ICollection<string> words)
    {
        if (string.IsNullOrEmpty(address))
        {
            return;
        }

        var at = address.LastIndexOf('@');
        AddName(at < 0 ? address : address[..at], words);
    }

    /// <summary>The runs of letters and digits of folded text.</summary>
    public static List<string> Parts(string folded)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                parts.Add(folded[start..i]);
                start = -1;
            }
        }

        return parts;
    }

    private static void Add(ICollection<string> words, string word)
    {
        if (!words.Contains(word))
        {
            words.Add(word);
        }
    }

    private static string Joined(ReadOnlySpan<char> chunk)
    {
        Span<char> letters = chunk.Length <= 256 ? stackalloc char[chunk.Length] : new char[chunk.Length];
        var length = 0;
        foreach (var c in chunk)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters[length++] = c;
            }
        }

        return new string(letters[..length]);
    }
}
