using Passerelle.ActiveSync.Policies;
using Passerelle.Sdk.Devices;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// The per-device settings of a device through its levels (default, server, domain, user, device); also
/// what other plugins read through <see cref="IDeviceSettings"/>. Read per request from a one-second cache.
/// </summary>
internal sealed class DeviceSettingsProvider(LevelSettingsStore store) : IDeviceSettings
{
    public async Task<DeviceSyncSettings> GetAsync(string accountId, string deviceId, CancellationToken cancellationToken) =>
        new(await ResolveAsync(PolicyLevel.ChainFor(accountId, deviceId), cancellationToken));

    public Task<IReadOnlyDictionary<string, ResolvedSetting>> ResolveAsync(IReadOnlyList<PolicyLevel> chain, CancellationToken cancellationToken) =>
        LevelResolver.ResolveAsync(store, LevelSettingsStore.DeviceKind, DeviceSettingCatalog.All, _ => null, chain, cancellationToken);

    public async Task<GroupwareFolderMode> GetGroupwareFolderModeAsync(string accountId, string deviceId, CancellationToken cancellationToken) =>
        (await GetAsync(accountId.ToLowerInvariant(), deviceId, cancellationToken)).GroupwareFolders;
}
