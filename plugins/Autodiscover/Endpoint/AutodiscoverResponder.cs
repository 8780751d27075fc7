using Passerelle.Sdk.Accounts;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>Decides the answer for a signed-in account: settings, a redirect for accounts hosted elsewhere, or an error.</summary>
internal sealed class AutodiscoverResponder(AutodiscoverOptions options, ServedDomains served)
{
    public async Task<AutodiscoverAnswer> AnswerAsync(AutodiscoverRequest request, Account account, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var address = AddressFor(request.EmailAddress, account);
        if (address is null)
        {
            // The same answer whether or not another account has that address: nothing to enumerate.
            return new ErrorAnswer(AutodiscoverError.Invalid($"{request.EmailAddress} is not an address of the signed-in account."));
        }

        if (FindRedirect(address) is { } redirect)
        {
            return new RedirectAnswer(account, address, redirect.Address ?? $"{LocalPart(address)}@{redirect.Domain}", redirect.Url);
        }

        var domain = DomainOf(address);
        if (!await served.ContainsAsync(domain, cancellationToken))
        {
            return new ErrorAnswer(AutodiscoverError.Invalid($"The domain {domain} is not served here."));
        }

        options.Domains.TryGetValue(domain, out var overrides);
        var protocols = overrides?.Protocols ?? options.Protocols;
        if (request.Schema == ResponseSchema.Outlook && protocols.Count == 0)
        {
            return new ErrorAnswer(AutodiscoverError.NoProvider("No protocol is configured for the Outlook schema."));
        }

        var url = overrides?.ActiveSyncUrl ?? options.ActiveSyncUrl ?? origin.ActiveSyncUrl;
        return new SettingsAnswer(account, address, url, protocols);
    }

    /// <summary>The account's own address the request is about, or null when it asks about someone else.</summary>
    private static string? AddressFor(string requested, Account account)
    {
        // Android's Exchange client sends the login as typed as EMailAddress (AOSP EasAutoDiscover):
        // a bare user name means the signed-in account itself.
        if (!requested.Contains('@', StringComparison.Ordinal))
        {
            return account.Address;
        }

        return account.Addresses.FirstOrDefault(a => a.Equals(requested, StringComparison.OrdinalIgnoreCase));
    }

    private RedirectOptions? FindRedirect(string address) =>
        options.Redirects.TryGetValue(address, out var byAddress) ? byAddress
        : options.Redirects.TryGetValue(DomainOf(address), out var byDomain) ? byDomain
        : null;

    private static string LocalPart(string address) => address[..address.LastIndexOf('@')];

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
}
