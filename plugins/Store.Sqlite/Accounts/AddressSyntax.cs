using System.Globalization;
using System.Text.RegularExpressions;

namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>Checks and normalises domain names and addresses: lower case, internationalised domains in their ASCII form.</summary>
internal static partial class AddressSyntax
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The domain in lower-case ASCII (punycode for IDNs), or <see langword="null"/> when it is not a host name.</summary>
    public static string? NormalizeDomain(string name)
    {
        var trimmed = name.Trim().TrimEnd('.');
        if (trimmed.Length == 0)
        {
            return null;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return ascii.Length <= 253 && ascii.Split('.').All(label => HostLabel().IsMatch(label)) ? ascii : null;
    }

    /// <summary>Splits and normalises an address (RFC 5321 dot-atom local part), or returns <see langword="false"/>.</summary>
    public static bool TryNormalizeAddress(string address, out string normalized, out string localPart, out string domain)
    {
        (normalized, localPart, domain) = ("", "", "");
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return false;
        }

        var local = trimmed[..at].ToLowerInvariant();
        var host = NormalizeDomain(trimmed[(at + 1)..]);
        if (host is null || local.Length > 64 || !DotAtom().IsMatch(local))
        {
            return false;
        }

        (normalized, localPart, domain) = ($"{local}@{host}", local, host);
        return true;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostLabel();

    [GeneratedRegex(@"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")]
    private static partial Regex DotAtom();
}
