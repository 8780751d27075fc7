using Passerelle.Sdk.Accounts;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>The domains answered for: every domain the stores know, and those the configuration names.</summary>
internal sealed class ServedDomains(IEnumerable<IAccountDirectory> directories, AutodiscoverOptions options)
{
    /// <exception cref="Sdk.Errors.StoreUnavailableException">A store cannot be reached.</exception>
    public async Task<bool> ContainsAsync(string domain, CancellationToken cancellationToken)
    {
        if (options.Domains.ContainsKey(domain))
        {
            return true;
        }

        foreach (var directory in directories)
        {
            var domains = await directory.ListDomainsAsync(cancellationToken);
            if (domains.Contains(domain, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
