namespace Passerelle.Sdk.Accounts;

/// <summary>A mail account, as the account directory knows it.</summary>
/// <param name="Id">The stable identifier every store uses for this account: its primary address in lower case.</param>
/// <param name="Address">The primary SMTP address.</param>
/// <param name="DisplayName">The full name shown to others.</param>
public sealed record Account(string Id, string Address, string DisplayName)
{
    /// <summary>Every SMTP address of the account, the primary one first.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [Address];

    /// <summary>Whether the account may use the administration API and console.</summary>
    public bool IsAdmin { get; init; }

    /// <summary>The domain part of the primary address.</summary>
    public string Domain => Address[(Address.IndexOf('@', StringComparison.Ordinal) + 1)..];
}
