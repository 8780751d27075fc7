using Passerelle.GroupwareAsMail.State;
using Passerelle.Sdk.Devices;

namespace Passerelle.GroupwareAsMail.Switch;

/// <summary>
/// Resolves the switch down its three levels: the configuration's default, the user (this plugin's table),
/// the device (the device-management setting GroupwareFolders customised at the device: all-as-mail is on,
/// default or all is off). Read at each request, so a change from the CLI applies at the next FolderSync.
/// </summary>
internal sealed class GroupwareMailSwitch(GroupwareAsMailOptions options, UserSwitchStore users, IEnumerable<IDeviceSettings> deviceSettings)
{
    private static readonly Version NotesClassVersion = new(14, 0);

    /// <summary>The value in force for a user, without a device.</summary>
    public async Task<SwitchValue> ForUserAsync(string accountId, CancellationToken cancellationToken)
    {
        SwitchModes.TryParse(options.Default, out var configured);
        return await users.GetAsync(accountId, cancellationToken) is { } mode
            ? new SwitchValue(mode, SwitchLevel.User, null)
            : new SwitchValue(configured, SwitchLevel.Default, null);
    }

    /// <summary>The value in force for one device of a user, and whether that device sees the folders.</summary>
    public async Task<SwitchValue> ForDeviceAsync(string accountId, string deviceId, string deviceType, string protocolVersion, CancellationToken cancellationToken)
    {
        var value = await ForUserAsync(accountId, cancellationToken);
        if (await DeviceModeAsync(accountId, deviceId, cancellationToken) is { } own)
        {
            value = new SwitchValue(own, SwitchLevel.Device, null);
        }

        return value with { Effective = value.Mode switch
        {
            SwitchMode.On => true,
            SwitchMode.Off => false,
            _ => IsOld(protocolVersion) || options.AutoDeviceTypes.Contains(deviceType, StringComparer.OrdinalIgnoreCase),
        } };
    }

    /// <summary>Sets the device level; <c>auto</c> returns it to inheriting. <c>off</c> keeps the groupware folders the device had above this level.</summary>
    public async Task SetDeviceAsync(string accountId, string deviceId, SwitchMode mode, CancellationToken cancellationToken)
    {
        var settings = Settings ?? throw new InvalidOperationException("no plugin keeps per-device settings (the ActiveSync plugin is off)");
        await settings.SetDeviceGroupwareFolderModeAsync(accountId, deviceId, null, cancellationToken);
        if (mode == SwitchMode.Auto)
        {
            return;
        }

        var inherited = await settings.GetGroupwareFolderModeAsync(accountId, deviceId, cancellationToken);
        var chosen = mode == SwitchMode.On ? GroupwareFolderMode.AllAsMail
            : inherited == GroupwareFolderMode.AllAsMail ? GroupwareFolderMode.All : inherited;
        await settings.SetDeviceGroupwareFolderModeAsync(accountId, deviceId, chosen, cancellationToken);
    }

    private IDeviceSettings? Settings => deviceSettings.LastOrDefault();

    private async Task<SwitchMode?> DeviceModeAsync(string accountId, string deviceId, CancellationToken cancellationToken) =>
        Settings is { } settings && await settings.GetDeviceGroupwareFolderModeAsync(accountId, deviceId, cancellationToken) is { } own
            ? own == GroupwareFolderMode.AllAsMail ? SwitchMode.On : SwitchMode.Off
            : null;

    // Every client below 14.0 lacks the Notes class (MS-ASNOTE), and files have no class at all.
    private static bool IsOld(string protocolVersion) =>
        Version.TryParse(protocolVersion.Trim(), out var version) && version < NotesClassVersion;
}
