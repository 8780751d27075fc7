using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Passerelle.ActiveSync.Devices;

namespace Passerelle.ActiveSync.Policies;

/// <summary>
/// The policy in force for a device, through the levels default, server, domain, user and device. The
/// default level is the built-in simple policy, overridden by <c>Plugins:ActiveSync:Policy:&lt;Setting&gt;</c>
/// and by the older switches <c>RequireProvisioning</c> and <c>PolicyRefreshInterval</c>.
/// </summary>
internal sealed class PolicyProvider(LevelSettingsStore store, IConfiguration configuration, IOptionsMonitor<ActiveSyncOptions> options)
{
    public async Task<EasPolicy> GetAsync(Device device, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(PolicyLevel.ChainFor(device.AccountId, device.DeviceId), cancellationToken);
        return new EasPolicy(resolved.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every setting as in force at the last level of <paramref name="chain"/>, with where it comes from.</summary>
    public Task<IReadOnlyDictionary<string, ResolvedSetting>> ResolveAsync(IReadOnlyList<PolicyLevel> chain, CancellationToken cancellationToken) =>
        LevelResolver.ResolveAsync(store, LevelSettingsStore.PolicyKind, PolicyCatalog.Settable, Configured, chain, cancellationToken);

    private string? Configured(SettingDefinition setting)
    {
        if (configuration[$"Plugins:ActiveSync:Policy:{setting.Name}"] is { } configured)
        {
            return configured;
        }

        var settings = options.CurrentValue;
        return setting.Name switch
        {
            PolicyCatalog.AllowNonProvisionableDevices => settings.RequireProvisioning ? "0" : "1",
            PolicyCatalog.DevicePolicyRefreshInterval when settings.PolicyRefreshInterval > TimeSpan.Zero =>
                Math.Max(1, (int)Math.Ceiling(settings.PolicyRefreshInterval.TotalHours)).ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
