namespace Passerelle.Autodiscover.Tests.Infrastructure;

/// <summary>Builds the configuration of the ConfiguredAccounts test store.</summary>
internal static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    public static void Add(Dictionary<string, string?> configuration, int index, string address, string displayName, params string[] aliases)
    {
        var prefix = $"Plugins:ConfiguredAccounts:Accounts:{index}";
        configuration[$"{prefix}:Address"] = address;
        configuration[$"{prefix}:Password"] = Password;
        configuration[$"{prefix}:DisplayName"] = displayName;
        for (var i = 0; i < aliases.Length; i++)
        {
            configuration[$"{prefix}:Aliases:{i}"] = aliases[i];
        }
    }
}
