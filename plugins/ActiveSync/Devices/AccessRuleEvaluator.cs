namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// The access a device gets from the rules: the first match wins, in this order: user rule, domain rule,
/// server OS rule, server Model rule, server Type rule, global rule. Within one of these, the oldest rule first.
/// </summary>
internal static class AccessRuleEvaluator
{
    public static AccessRule Evaluate(Device device, IReadOnlyList<AccessRule> rules, AccessRule global)
    {
        var enabled = rules.Where(rule => rule.Enabled && !rule.IsGlobal).OrderBy(rule => rule.Id).ToList();
        var user = AccessRule.UserScope(device.AccountId);
        var domain = AccessRule.DomainScope(Policies.PolicyLevel.DomainOf(device.AccountId));
        IEnumerable<AccessRule>[] tiers =
        [
            enabled.Where(rule => rule.Scope == user),
            enabled.Where(rule => rule.Scope == domain),
            enabled.Where(rule => rule.Scope == AccessRule.ServerScope && rule.By == RuleField.Os),
            enabled.Where(rule => rule.Scope == AccessRule.ServerScope && rule.By == RuleField.Model),
            enabled.Where(rule => rule.Scope == AccessRule.ServerScope && rule.By == RuleField.Type),
        ];
        foreach (var tier in tiers)
        {
            if (tier.FirstOrDefault(rule => rule.Matches(device)) is { } match)
            {
                return match;
            }
        }

        return global;
    }
}
