using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// The device operations of the CLI, the admin API, the console and the self-service page, with their checks:
/// find a device by its DeviceId (and account, when several share it), list, allow, block, quarantine,
/// wipe and remove. Every check comes before any change.
/// </summary>
internal sealed class DeviceAdministration(DeviceRepository devices, RemoteWipe wipes, AccountLookup accounts)
{
    public async Task<IReadOnlyList<Device>> ListAsync(string? user, string? domain, string? state, CancellationToken cancellationToken)
    {
        var domainName = domain?.Trim().ToLowerInvariant();
        if (domainName is not null && (domainName.Length == 0 || domainName.Contains('@', StringComparison.Ordinal)))
        {
            throw AdminException.Invalid($"'{domain}' is not a domain name");
        }

        var filter = new DeviceFilter(user is null ? null : await AccountIdAsync(user, cancellationToken), domainName, state is null ? null : ParseState(state));
        return await devices.ListAsync(filter, cancellationToken);
    }

    /// <summary>The device with this DeviceId; <paramref name="user"/> chooses when several accounts use one DeviceId.</summary>
    public async Task<Device> FindAsync(string deviceId, string? user, CancellationToken cancellationToken)
    {
        var found = await devices.FindByDeviceIdAsync(deviceId.Trim(), cancellationToken);
        if (user is not null)
        {
            var accountId = await AccountIdAsync(user, cancellationToken);
            return found.FirstOrDefault(device => device.AccountId == accountId)
                ?? throw AdminException.NotFound($"{accountId} has no device {deviceId.Trim()}");
        }

        return found.Count switch
        {
            0 => throw AdminException.NotFound($"there is no device {deviceId.Trim()}"),
            1 => found[0],
            _ => throw AdminException.Invalid($"device {deviceId.Trim()} is used by several accounts ({string.Join(", ", found.Select(d => d.AccountId))}): name the account with --user EMAIL"),
        };
    }

    public async Task<Device> SetAccessAsync(string deviceId, string? user, DeviceAccessState state, string actor, CancellationToken cancellationToken)
    {
        var device = await FindAsync(deviceId, user, cancellationToken);
        await devices.SetAccessAsync(device.AccountId, device.DeviceId, state, AccessDecider.Admin, $"set by {actor}", cancellationToken);
        return (await devices.GetAsync(device.AccountId, device.DeviceId, cancellationToken))!;
    }

    /// <summary>Asks for a wipe at the device's next contact. An account-only wipe needs a 16.1 device (MS-ASPROV 2.2.2.1).</summary>
    public async Task<Device> WipeAsync(string deviceId, string? user, bool accountOnly, string actor, CancellationToken cancellationToken)
    {
        var device = await FindAsync(deviceId, user, cancellationToken);
        await WipeAsync(device, accountOnly, actor, cancellationToken);
        return (await devices.GetAsync(device.AccountId, device.DeviceId, cancellationToken))!;
    }

    public async Task WipeAsync(Device device, bool accountOnly, string actor, CancellationToken cancellationToken)
    {
        if (accountOnly && !(ProtocolVersion.TryParse(device.ProtocolVersion, out var version) && version >= ProtocolVersion.V161))
        {
            throw AdminException.Conflict(
                $"device {device.DeviceId} speaks protocol {device.ProtocolVersion ?? "unknown"}: an account-only wipe needs 16.1; to erase the whole device, ask for a full wipe instead");
        }

        await wipes.RequestAsync(device, accountOnly, actor, cancellationToken);
    }

    public async Task<Device> RemoveAsync(string deviceId, string? user, CancellationToken cancellationToken)
    {
        var device = await FindAsync(deviceId, user, cancellationToken);
        await wipes.RemoveAsync(device, cancellationToken);
        return device;
    }

    /// <summary>The devices a user sees on the self-service page: their own, but blocked ones.</summary>
    public async Task<IReadOnlyList<Device>> ListOwnAsync(Account account, CancellationToken cancellationToken) =>
        (await devices.ListAsync(new DeviceFilter(account.Id), cancellationToken))
            .Where(device => device.AccessState != DeviceAccessState.Blocked)
            .ToList();

    /// <summary>A user wipes one of their own devices (a lost phone).</summary>
    public async Task<Device> WipeOwnAsync(Account account, string deviceId, bool accountOnly, CancellationToken cancellationToken)
    {
        var device = (await ListOwnAsync(account, cancellationToken)).FirstOrDefault(d => d.DeviceId == deviceId)
            ?? throw AdminException.NotFound($"you have no device {deviceId}");
        await WipeAsync(device, accountOnly, account.Id, cancellationToken);
        return (await devices.GetAsync(device.AccountId, device.DeviceId, cancellationToken))!;
    }

    public static DeviceAccessState ParseState(string text) => text.Trim().ToLowerInvariant() switch
    {
        "allowed" or "allow" => DeviceAccessState.Allowed,
        "blocked" or "block" => DeviceAccessState.Blocked,
        "quarantined" or "quarantine" => DeviceAccessState.Quarantined,
        _ => throw AdminException.Invalid($"'{text}' is not a state: use allowed, blocked or quarantined"),
    };

    private async Task<string> AccountIdAsync(string user, CancellationToken cancellationToken)
    {
        var address = user.Trim();
        if (!address.Contains('@', StringComparison.Ordinal))
        {
            throw AdminException.Invalid($"'{user}' is not an e-mail address");
        }

        // An alias names its account; an address the directory no longer knows still finds its devices.
        try
        {
            return (await accounts.RequireAccountAsync(address, cancellationToken)).Id;
        }
        catch (AdminException)
        {
            return address.ToLowerInvariant();
        }
    }
}
