using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// What happens to a device before any command runs: a new device beyond the per-user maximum is refused
/// (Status 177 from 14.0, 403 before) and not recorded; the device is recorded; the access rules decide
/// its access; a version above its highest allowed one is refused; a blocked device gets nothing (Status 129
/// from 14.0, 403 up to 12.1, FIELD-NOTES 8), unless a remote wipe waits for it. Provision decides last, once
/// the DeviceInformation it carries (model, OS) has been recorded for the rules to see.
/// </summary>
internal sealed class DeviceAdmission(
    DeviceRepository devices,
    DeviceAccessEvaluator access,
    DeviceSettingsProvider settings,
    IOptionsMonitor<ActiveSyncOptions> options)
{
    public async Task<Device> AdmitAsync(HttpContext http, Account account, EasQuery query, ProtocolVersion version, CancellationToken cancellationToken)
    {
        Device device;
        if (DeviceIdentity.ValidationDeviceId.Equals(query.DeviceId, StringComparison.OrdinalIgnoreCase))
        {
            // Android's account check: answered, never recorded (FIELD-NOTES 11), but blocked all the same.
            device = await access.EvaluateAsync(Transient(account, query, version), cancellationToken);
        }
        else
        {
            if (await devices.GetAsync(account.Id, query.DeviceId, cancellationToken) is null)
            {
                await RefuseBeyondMaximumAsync(account, version, cancellationToken);
            }

            device = await devices.TouchAsync(account.Id, query.DeviceId, query.DeviceType, UserAgent(http), version.ToString(), query.Command, cancellationToken);
            device = await access.EvaluateAsync(device, cancellationToken);
            await RefuseAboveHighestVersionAsync(http, device, version, cancellationToken);
        }

        if (!query.Command.Equals("Provision", StringComparison.OrdinalIgnoreCase))
        {
            RefuseIfBlocked(device, version);
        }

        return device;
    }

    public static void RefuseIfBlocked(Device device, ProtocolVersion version)
    {
        if (device.AccessState == DeviceAccessState.Blocked && !device.WipePending)
        {
            throw new EasHttpException(StatusCodes.Status403Forbidden, "the device is blocked", version > ProtocolVersion.V121 ? 129 : null);
        }
    }

    private async Task RefuseBeyondMaximumAsync(Account account, ProtocolVersion version, CancellationToken cancellationToken)
    {
        var maximum = options.CurrentValue.MaxDevicesPerUser;
        if (maximum > 0 && await devices.CountAsync(account.Id, cancellationToken) >= maximum)
        {
            throw new EasHttpException(
                StatusCodes.Status403Forbidden,
                $"{account.Id} has {maximum} devices already, the most allowed; remove one first",
                version >= ProtocolVersion.V140 ? 177 : null);
        }
    }

    /// <summary>
    /// OPTIONS cannot know the device (it carries no DeviceId), so the cap applies from the first command:
    /// the refusal names the versions the device may use, as MS-ASHTTP 2.2.2.1 lets a POST answer do.
    /// </summary>
    private async Task RefuseAboveHighestVersionAsync(HttpContext http, Device device, ProtocolVersion version, CancellationToken cancellationToken)
    {
        if ((await settings.GetAsync(device.AccountId, device.DeviceId, cancellationToken)).HighestProtocolVersion is not { } highest || version <= highest)
        {
            return;
        }

        var allowed = string.Join(',', ProtocolVersion.Supported.Where(v => v <= highest));
        http.Response.Headers["MS-ASProtocolVersions"] = allowed;
        http.Response.Headers["X-MS-RP"] = allowed;
        throw EasHttpException.BadRequest($"protocol version {version} is above {highest}, the highest this device may use");
    }

    private static Device Transient(Account account, EasQuery query, ProtocolVersion version) => new()
    {
        AccountId = account.Id,
        DeviceId = query.DeviceId,
        DeviceType = query.DeviceType,
        ProtocolVersion = version.ToString(),
        IsTransient = true,
    };

    private static string? UserAgent(HttpContext http) =>
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
}
