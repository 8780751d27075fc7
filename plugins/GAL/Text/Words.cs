namespace Passerelle.GAL.Text;

/// <summary>
/// The words an entry is found by. A word is a run of letters and digits of the folded text; where parts are
/// joined by punctuation without a space ("Jean-Pierre", "O'Brien", "john.smith"), the parts run together are a
/// word too ("jeanpierre", "obrien", "johnsmith"), so that typing them without the punctuation finds them.
/// </summary>
internal static class Words
{
    /// <summary>Adds the words of a name.</summary>
    public static void AddName(string? text, ISet<string> words)
    {
        var folded = TextFolding.Fold(text);
        foreach (var chunk in folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = Parts(chunk);
            foreach (var part in parts)
            {
                words.Add(part);
            }

            if (parts.Count > 1)
            {
                words.Add(string.Concat(parts));
            }
        }
    }

    /// <summary>
    /// Adds the words of an address: those of its local part only. The domain is left out, as Exchange's
    /// name resolution does: every colleague shares it, so "ex" would otherwise find the whole example.com.
    /// </summary>
    public static void AddAddress(string? address, ISet<string> words)
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
}
