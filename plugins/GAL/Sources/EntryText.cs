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

    /// <summary>Whether a display name says more than the address: directories show the address or its local part when they know no name.</summary>
    public static bool IsOwnName(string displayName, string address)
    {
        var name = TextFolding.Fold(displayName).Trim();
        return name.Length > 0 && name != TextFolding.Fold(address) && name != TextFolding.Fold(LocalPart(address));
    }

    /// <summary>Distinct lower-case addresses, the primary first.</summary>
    public static string[] Addresses(IEnumerable<string> addresses) =>
        addresses.Select(address => address.Trim().ToLowerInvariant()).Where(address => address.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
