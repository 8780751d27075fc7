namespace Passerelle.Host.Security;

/// <summary>The forms of login a phone sends: an address, a UPN, or <c>DOMAIN\user</c>.</summary>
internal static class LoginName
{
    /// <summary>
    /// Reduces a login to the form directories know: <c>example.test\alice</c> becomes
    /// <c>alice@example.test</c>; <c>EXAMPLE\alice</c> (a NetBIOS domain) becomes <c>alice</c>;
    /// the rest is trimmed and lower-cased.
    /// </summary>
    public static string Normalize(string login)
    {
        var trimmed = login.Trim();
        var backslash = trimmed.IndexOf('\\', StringComparison.Ordinal);
        if (backslash >= 0)
        {
            var domain = trimmed[..backslash];
            var user = trimmed[(backslash + 1)..];
            trimmed = domain.Contains('.', StringComparison.Ordinal) && !user.Contains('@', StringComparison.Ordinal)
                ? $"{user}@{domain}"
                : user;
        }

        return trimmed.ToLowerInvariant();
    }
}
