namespace Passerelle.Autodiscover;

/// <summary>The plugin's settings, bound from <c>Plugins:Autodiscover</c>. Read at start-up: changes need a restart.</summary>
internal sealed class AutodiscoverOptions
{
    /// <summary>
    /// The ActiveSync URL phones are given, e.g. <c>https://mail.example.com/Microsoft-Server-ActiveSync</c>.
    /// Without it, the URL is made from the host name the request came to.
    /// </summary>
    public Uri? ActiveSyncUrl { get; set; }

    /// <summary>The protocols listed to desktop clients asking in the Outlook schema (IMAP, SMTP, CalDAV...).</summary>
    public List<ProtocolOptions> Protocols { get; set; } = [];

    /// <summary>Per-domain overrides, keyed by domain name.</summary>
    public Dictionary<string, DomainOptions> Domains { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accounts hosted elsewhere, keyed by an address (<c>bob@example.com</c>) or a domain (<c>example.com</c>).</summary>
    public Dictionary<string, RedirectOptions> Redirects { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
