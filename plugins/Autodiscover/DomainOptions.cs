namespace Passerelle.Autodiscover;

/// <summary>What one domain changes from the plugin's defaults (<c>Plugins:Autodiscover:Domains:&lt;domain&gt;</c>).</summary>
internal sealed class DomainOptions
{
    /// <summary>The ActiveSync URL for the domain's accounts.</summary>
    public Uri? ActiveSyncUrl { get; set; }

    /// <summary>The domain's protocols for the Outlook schema; when absent, the default list.</summary>
    public List<ProtocolOptions>? Protocols { get; set; }
}
