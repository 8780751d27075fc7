using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary>Finds accounts and domains named in administration requests, through the store's directory.</summary>
internal sealed class AccountLookup(IServiceProvider services)
{
    public async Task<Account> RequireAccountAsync(string email, CancellationToken cancellationToken)
    {
        var address = email.Trim();
        if (!address.Contains('@', StringComparison.Ordinal))
        {
            throw AdminException.Invalid($"'{email}' is not an e-mail address");
        }

        return await Directory().FindAccountAsync(address, cancellationToken)
            ?? throw AdminException.NotFound($"there is no account {address.ToLowerInvariant()}");
    }

    public async Task<string> RequireDomainAsync(string name, CancellationToken cancellationToken)
    {
        var domain = name.Trim().ToLowerInvariant();
        if (domain.Length == 0 || domain.Contains('@', StringComparison.Ordinal))
        {
            throw AdminException.Invalid($"'{name}' is not a domain name");
        }

        var domains = await Directory().ListDomainsAsync(cancellationToken);
        return domains.Contains(domain, StringComparer.OrdinalIgnoreCase)
            ? domain
            : throw AdminException.NotFound($"there is no domain {domain}");
    }

    private IAccountDirectory Directory() =>
        services.GetService<IAccountDirectory>() ?? throw AdminException.Conflict("no store plugin provides accounts");
}
