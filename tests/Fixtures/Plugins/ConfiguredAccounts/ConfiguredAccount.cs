namespace Fixtures.ConfiguredAccounts;

/// <summary>One account as configured.</summary>
internal sealed class ConfiguredAccount
{
    public string Address { get; set; } = "";

    public string Password { get; set; } = "";

    public string? DisplayName { get; set; }

    public List<string> Aliases { get; set; } = [];
}
