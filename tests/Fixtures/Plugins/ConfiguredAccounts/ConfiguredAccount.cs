namespace Fixtures.ConfiguredAccounts;

/// <summary>One account as configured.</summary>
internal sealed class ConfiguredAccount
{
    public string Address { get; set; } = "";

    public string Password { get; set; } = "";

    public string? DisplayName { get; set; }

    public List<string> Aliases { get; set; } = [];

    /// <summary>Whether the account administers Passerelle (<c>Account.IsAdmin</c>).</summary>
    public bool Admin { get; set; }

    /// <summary>Mail folders beyond the special ones, when the in-memory mail store is on ("Archive" is the archive).</summary>
    public List<string> Folders { get; set; } = [];
}
