using Microsoft.AspNetCore.Http;
using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// Sends a device to Provision when it must go there before a command (MS-ASPROV 3.2.5.1): a remote wipe
/// waits for it (Status 140; 403 or 449 up to 12.1); it has not acknowledged the policy in force (Status 142,
/// unless devices that do not provision are allowed); its key or the policy changed (144); the refresh
/// interval passed (143). Before 14.0 the statuses are 449. The policy is compared as sent for the device's
/// version (FIELD-NOTES 7).
/// </summary>
internal sealed class ProvisioningGate(PolicyProvider policies, RemoteWipe wipes, TimeProvider time)
{
    public async Task CheckAsync(EasContext context, uint? policyKey, CancellationToken cancellationToken)
    {
        var device = context.Device;
        if (await wipes.PendingAsync(device, context.Version, cancellationToken) is not null)
        {
            throw context.Version >= ProtocolVersion.V140 || policyKey is not null
                ? Reprovision(140, "a remote wipe is pending")
                : new EasHttpException(StatusCodes.Status403Forbidden, "a remote wipe is pending");
        }

        var policy = await policies.GetAsync(device, cancellationToken);
        if (device.PolicyKey is not { } current || policyKey is null or 0)
        {
            if (policy.AllowsNonProvisionableDevices)
            {
                return;
            }

            throw Reprovision(142, "the device has not provisioned");
        }

        if (policyKey != current)
        {
            throw Reprovision(144, "the device's policy key is not the current one");
        }

        if (device.PolicyHash != policy.Hash(context.Version))
        {
            throw Reprovision(144, "the policy changed since the device acknowledged it");
        }

        if (policy.RefreshInterval is { } interval && device.PolicyAckedAt + interval <= time.GetUtcNow())
        {
            throw Reprovision(143, "the policy refresh interval has passed");
        }
    }

    private static EasHttpException Reprovision(int status, string reason) => new(449, reason, status);
}
