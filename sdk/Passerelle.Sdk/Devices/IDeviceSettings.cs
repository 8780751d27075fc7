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
}

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
