using System.Text.RegularExpressions;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>Subjects without the reply and forward prefixes mail clients add, in the common languages.</summary>
internal static partial class Subjects
{
    /// <summary>"Re: Fwd: AW: Lunch" is "Lunch"; also "Re[2]:" and "RE :".</summary>
    public static string WithoutPrefixes(string subject)
    {
        var rest = subject.Trim();
        while (Prefix().Match(rest) is { Success: true } match)
        {
            rest = rest[match.Length..].TrimStart();
        }

        return rest;
    }

    [GeneratedRegex(@"^(re|fwd?|aw|wg|sv|vs|vb|tr|rv|antw|doorst|ref|réf|rif|odp|yn|ynt|enc|res|fs)(\s*\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
