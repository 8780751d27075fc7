using Passerelle.ActiveSync.Policies;
using Passerelle.Sdk.Devices;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// The per-device settings of a device through its levels (default, server, domain, user, device); also
/// what other plugins read through <see cref="IDeviceSettings"/>. Read per request from a one-second cache.
/// </summary>
internal sealed class DeviceSettingsProvider(LevelSettingsStore store, DeviceRepository devices) : IDeviceSettings
{
    public async Task<DeviceSyncSettings> GetAsync(string accountId, string deviceId, CancellationToken cancellationToken) =>
        new(await ResolveAsync(PolicyLevel.ChainFor(accountId, deviceId), cancellationToken));

    public Task<IReadOnlyDictionary<string, ResolvedSetting>> ResolveAsync(IReadOnlyList<PolicyLevel> chain, CancellationToken cancellationToken) =>
        LevelResolver.ResolveAsync(store, LevelSettingsStore.DeviceKind, DeviceSettingCatalog.All, _ => null, chain, cancellationToken);

    public async Task<GroupwareFolderMode> GetGroupwareFolderModeAsync(string accountId, string deviceId, CancellationToken cancellationToken) =>
        (await GetAsync(accountId.ToLowerInvariant(), deviceId, cancellationToken)).GroupwareFolders;

    public async Task<GroupwareFolderMode?> GetDeviceGroupwareFolderModeAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        var level = PolicyLevel.Device(deviceId);
        var own = (await store.GetAsync(LevelSettingsStore.DeviceKind, [level], cancellationToken))[level];
        return own.TryGetValue(DeviceSettingCatalog.GroupwareFolders, out var value) ? DeviceSyncSettings.GroupwareModeOf(value) : null;
    }

    public Task SetDeviceGroupwareFolderModeAsync(string accountId, string deviceId, GroupwareFolderMode? mode, CancellationToken cancellationToken) =>
        mode is { } chosen
            ? store.SetAsync(LevelSettingsStore.DeviceKind, PolicyLevel.Device(deviceId), new Dictionary<string, string> { [DeviceSettingCatalog.GroupwareFolders] = DeviceSyncSettings.NameOf(chosen) }, cancellationToken)
            : store.InheritAsync(LevelSettingsStore.DeviceKind, PolicyLevel.Device(deviceId), [DeviceSettingCatalog.GroupwareFolders], cancellationToken);

    public async Task<KnownDevice?> FindDeviceAsync(string accountId, string deviceId, CancellationToken cancellationToken) =>
        (await devices.FindByDeviceIdAsync(deviceId, cancellationToken)).FirstOrDefault(d => d.AccountId.Equals(accountId, StringComparison.OrdinalIgnoreCase)) is { } device
            ? new KnownDevice(device.DeviceId, device.DeviceType, device.ProtocolVersion ?? "")
            : null;
}
