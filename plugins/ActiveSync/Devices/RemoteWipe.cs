using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// Remote wipe (MS-ASPROV 3.2.5.1.2): requested by an administrator or the owner, pending until the device
/// next connects, delivered in Provision, then on the device's acknowledgement recorded as done, the owner
/// and the administrators told, and the device removed from the list with its sync state.
/// An account-only wipe (AccountOnlyRemoteWipe) exists from 16.1; a device that turns out to speak an older
/// version is marked "not supported" instead of being wiped whole, which only an explicit full wipe does.
/// </summary>
internal sealed class RemoteWipe(DeviceRepository devices, LevelSettingsStore levels, DeviceNotices notices)
{
    public Task RequestAsync(Device device, bool accountOnly, string requestedBy, CancellationToken cancellationToken) =>
        devices.RequestWipeAsync(device.AccountId, device.DeviceId, accountOnly, requestedBy, cancellationToken);

    /// <summary>The directive to deliver to a device now, or null; an account-only wipe an older version cannot carry becomes "not supported".</summary>
    public async Task<WipeDirective?> PendingAsync(Device device, ProtocolVersion version, CancellationToken cancellationToken)
    {
        if (!device.WipePending || device.IsTransient)
        {
            return null;
        }

        if (device.WipeAccountOnly && version < ProtocolVersion.V161)
        {
            await devices.SetWipeStatusAsync(device.AccountId, device.DeviceId, WipeStatuses.NotSupported, cancellationToken);
            return null;
        }

        return device.WipeAccountOnly ? WipeDirective.AccountOnly : WipeDirective.Full;
    }

    /// <summary>The device acknowledged the wipe: it is done.</summary>
    public async Task CompleteAsync(Device device, CancellationToken cancellationToken)
    {
        await devices.RecordWipeAsync(device, WipeStatuses.Done, cancellationToken);
        await notices.WipedAsync(device, cancellationToken);
        await RemoveAsync(device, cancellationToken);
    }

    /// <summary>Removes a device with its sync state, and its own settings once no account has that DeviceId.</summary>
    public async Task RemoveAsync(Device device, CancellationToken cancellationToken)
    {
        await devices.RemoveAsync(device.AccountId, device.DeviceId, cancellationToken);
        if ((await devices.FindByDeviceIdAsync(device.DeviceId, cancellationToken)).Count == 0)
        {
            await levels.ForgetAsync(PolicyLevel.Device(device.DeviceId), cancellationToken);
        }
    }
}

/// <summary>What a wipe erases.</summary>
internal enum WipeDirective
{
    Full,
    AccountOnly,
}
