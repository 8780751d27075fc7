namespace Passerelle.Autodiscover;

/// <summary>Checks the settings at start-up, so that a mistake fails loudly with the setting's name instead of answering phones wrongly.</summary>
internal static class AutodiscoverOptionsValidator
{
    public static IReadOnlyList<string> Validate(AutodiscoverOptions options)
    {
        var errors = new List<string>();
        CheckUrl(errors, "ActiveSyncUrl", options.ActiveSyncUrl);
        CheckProtocols(errors, "Protocols", options.Protocols);
        foreach (var (domain, settings) in options.Domains)
        {
            CheckUrl(errors, $"Domains:{domain}:ActiveSyncUrl", settings.ActiveSyncUrl);
            CheckProtocols(errors, $"Domains:{domain}:Protocols", settings.Protocols ?? []);
        }

        foreach (var (key, redirect) in options.Redirects)
        {
            if (string.IsNullOrWhiteSpace(redirect.Address) == string.IsNullOrWhiteSpace(redirect.Domain))
            {
                errors.Add($"Redirects:{key} needs either Address or Domain");
            }
            else if (redirect.Address is { } address && !address.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"Redirects:{key}:Address '{address}' is not an address");
            }

            else if (string.Equals(redirect.Domain, key, StringComparison.OrdinalIgnoreCase) || string.Equals(redirect.Address, key, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"Redirects:{key} sends the account to itself");
            }

            CheckUrl(errors, $"Redirects:{key}:Url", redirect.Url);
        }

        return errors;
    }

    private static void CheckUrl(List<string> errors, string name, Uri? url)
    {
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"{name} '{url}' is not an absolute https:// URL");
        }
    }

    private static void CheckProtocols(List<string> errors, string name, List<ProtocolOptions> protocols)
    {
        for (var i = 0; i < protocols.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(protocols[i].Type) || string.IsNullOrWhiteSpace(protocols[i].Server))
            {
                errors.Add($"{name}:{i} needs Type and Server");
            }

            if (protocols[i].Port is < 1 or > 65535)
            {
                errors.Add($"{name}:{i}:Port {protocols[i].Port} is not a port");
            }
        }
    }
}
