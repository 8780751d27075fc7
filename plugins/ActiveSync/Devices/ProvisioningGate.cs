using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// Decides whether a device may run a command: blocked devices get nothing (403 up to 12.1, Status 129
/// after); when provisioning is required, a device without the current policy key is sent to Provision
/// (449 before 14.0, Status 142/143/144 from 14.0, MS-ASPROV 3.2.5.1).
/// </summary>
internal sealed class ProvisioningGate(PolicyProvider policies, IOptionsMonitor<ActiveSyncOptions> options, TimeProvider time)
{
    public async Task CheckAsync(EasContext context, uint? policyKey, CancellationToken cancellationToken)
    {
        var device = context.Device;
        if (device.AccessState == DeviceAccessState.Blocked)
        {
            throw new EasHttpException(StatusCodes.Status403Forbidden, "the device is blocked", context.Version > ProtocolVersion.V121 ? 129 : null);
        }

        var settings = options.CurrentValue;
        if (!settings.RequireProvisioning)
        {
            return;
        }

        if (device.PolicyKey is not { } current || policyKey is null or 0)
        {
            throw Reprovision(142, "the device has not provisioned");
        }

        if (policyKey != current)
        {
            throw Reprovision(144, "the device's policy key is not the current one");
        }

        var policy = await policies.GetAsync(device, cancellationToken);
        if (device.PolicyHash != policy.Hash(context.Version))
        {
            throw Reprovision(144, "the policy changed since the device acknowledged it");
        }

        if (settings.PolicyRefreshInterval > TimeSpan.Zero && device.PolicyAckedAt + settings.PolicyRefreshInterval < time.GetUtcNow())
        {
            throw Reprovision(143, "the policy refresh interval has passed");
        }
    }

    private static EasHttpException Reprovision(int status, string reason) => new(449, reason, status);
}
