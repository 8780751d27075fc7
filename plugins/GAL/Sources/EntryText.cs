using Passerelle.GAL.Text;

namespace Passerelle.GAL.Sources;

/// <summary>Small rules shared by the entry builders.</summary>
internal static class EntryText
{
    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string LocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? address : address[..at];
    }

    /// <summary>Whether a folded display name says more than the address: directories show the address or its local part when they know no name.</summary>
    public static bool IsOwnName(string foldedName, string address)
    {
        var name = foldedName.AsSpan().Trim();
        var at = address.LastIndexOf('@');
        return name.Length > 0
            && !name.Equals(address, StringComparison.OrdinalIgnoreCase)
            && !name.Equals(address.AsSpan(0, at < 0 ? address.Length : at), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Distinct lower-case addresses, the primary first.</summary>
    public static string[] Addresses(IEnumerable<string> addresses)
    {
        var distinct = new List<string>(2);
        foreach (var address in addresses)
        {
            var lower = address.Trim().ToLowerInvariant();
            if (lower.Length > 0 && !distinct.Contains(lower))
            {
                distinct.Add(lower);
            }
        }

        return [.. distinct];
    }

    /// <summary>The words, sorted, so that two readings of the same entry compare equal.</summary>
    public static string[] Sorted(List<string> words)
    {
        var sorted = words.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}
