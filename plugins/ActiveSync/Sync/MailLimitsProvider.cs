using Passerelle.ActiveSync.Commands;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Policies;

namespace Passerelle.ActiveSync.Sync;

/// <summary>Reads the limits in force for the requesting device, from its policy and its settings.</summary>
internal sealed class MailLimitsProvider(PolicyProvider policies, DeviceSettingsProvider settings)
{
    public async Task<MailLimits> GetAsync(EasContext context, CancellationToken cancellationToken) =>
        MailLimits.From(
            await policies.GetAsync(context.Device, cancellationToken),
            await settings.GetAsync(context.AccountId, context.DeviceId, cancellationToken));
}
