namespace Passerelle.Sdk.Devices;

/// <summary>
/// What an administrator chose for one device of an account, for plugins that shape what a device sees
/// (GroupwareAsMail shows its folders only to devices set to <see cref="GroupwareFolderMode.AllAsMail"/>).
/// The ActiveSync plugin provides it; resolve it as <c>IEnumerable&lt;IDeviceSettings&gt;</c>, which is empty
/// when no plugin does.
/// </summary>
public interface IDeviceSettings
{
    /// <summary>Which groupware folders a device is given.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="deviceId">The device's identifier, as the device sends it.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The mode in force for the device, through its user's, domain's and the server's settings.</returns>
    Task<GroupwareFolderMode> GetGroupwareFolderModeAsync(string accountId, string deviceId, CancellationToken cancellationToken);

    /// <summary>The mode customised at the device itself, without what it inherits.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="deviceId">The device's identifier.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The device's own mode, or <see langword="null"/> when the device inherits it.</returns>
    Task<GroupwareFolderMode?> GetDeviceGroupwareFolderModeAsync(string accountId, string deviceId, CancellationToken cancellationToken);

    /// <summary>Customises the mode at the device itself, or returns the device to inheriting it.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="deviceId">The device's identifier.</param>
    /// <param name="mode">The mode, or <see langword="null"/> to inherit.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task SetDeviceGroupwareFolderModeAsync(string accountId, string deviceId, GroupwareFolderMode? mode, CancellationToken cancellationToken);

    /// <summary>A device that has synced with an account.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="deviceId">The device's identifier.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The device as last seen, or <see langword="null"/> when the account has no such device.</returns>
    Task<KnownDevice?> FindDeviceAsync(string accountId, string deviceId, CancellationToken cancellationToken);
}

/// <summary>A device of an account, as it last presented itself.</summary>
/// <param name="DeviceId">The device's identifier.</param>
/// <param name="DeviceType">Its type as it sends it (iPhone, Android, SAMSUNGSMG991B...).</param>
/// <param name="ProtocolVersion">The protocol version it last used, e.g. "12.1".</param>
public sealed record KnownDevice(string DeviceId, string DeviceType, string ProtocolVersion);

/// <summary>Which groupware folders a device is given.</summary>
public enum GroupwareFolderMode
{
    /// <summary>The default contacts, calendar, tasks and notes folders only.</summary>
    Default,

    /// <summary>Every groupware folder the account sees.</summary>
    All,

    /// <summary>Every groupware folder, and notes, tasks and files also as read-only mail folders.</summary>
    AllAsMail,
}
