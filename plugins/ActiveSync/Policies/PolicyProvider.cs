using Microsoft.Extensions.Configuration;
using Passerelle.ActiveSync.Devices;

namespace Passerelle.ActiveSync.Policies;

/// <summary>The policy in force for a device: the defaults, overridden by <c>Plugins:ActiveSync:Policy:&lt;Setting&gt;</c>.</summary>
internal sealed class PolicyProvider(IConfiguration configuration)
{
    public Task<EasPolicy> GetAsync(Device device, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(PolicyCatalog.Defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var setting in PolicyCatalog.All)
        {
            if (configuration[$"Plugins:ActiveSync:Policy:{setting.Name}"] is { } configured && setting.TryNormalize(configured, out var value, out _))
            {
                values[setting.Name] = value;
            }
        }

        return Task.FromResult(new EasPolicy(values));
    }
}
