namespace Passerelle.GAL.Text;

/// <summary>What a phone sends as a recipient to resolve: an address, a name, or <c>Name &lt;address&gt;</c>.</summary>
internal static class RecipientText
{
    /// <summary>The address inside angle brackets, if there is one.</summary>
    public static string? AddressOf(string text)
    {
        var open = text.LastIndexOf('<');
        var close = text.LastIndexOf('>');
        return open >= 0 && close > open + 1 ? text[(open + 1)..close].Trim() : null;
    }

    public static bool IsAddress(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);
    }
}
