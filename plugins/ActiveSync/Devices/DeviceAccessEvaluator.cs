namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// Applies the access rules to a device whose access the rules decide (an administrator's decision is
/// kept): records a change, and tells the owner when the device enters quarantine.
/// </summary>
internal sealed class DeviceAccessEvaluator(AccessRuleStore rules, DeviceRepository devices, DeviceNotices notices)
{
    public async Task<Device> EvaluateAsync(Device device, CancellationToken cancellationToken)
    {
        if (device.AccessSetBy == AccessDecider.Admin)
        {
            return device;
        }

        var (all, global) = await rules.GetAsync(cancellationToken);
        var match = AccessRuleEvaluator.Evaluate(device, all, global);
        var reason = match.Describe();
        if (match.Action == device.AccessState && reason == device.AccessReason)
        {
            return device;
        }

        var entersQuarantine = match.Action == DeviceAccessState.Quarantined && device.AccessState != DeviceAccessState.Quarantined;
        var decided = device with { AccessState = match.Action, AccessReason = reason };
        if (!device.IsTransient)
        {
            await devices.SetAccessAsync(device.AccountId, device.DeviceId, match.Action, AccessDecider.Rule, reason, cancellationToken);
            if (entersQuarantine)
            {
                await notices.QuarantinedAsync(decided, cancellationToken);
            }
        }

        return decided;
    }
}
