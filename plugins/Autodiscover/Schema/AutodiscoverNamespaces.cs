namespace Passerelle.Autodiscover.Schema;

/// <summary>The XML namespaces of Autodiscover (MS-ASCMD 2.2.1.1, 6.2, 6.4; MS-OXDSCLI 2.2.1).</summary>
internal static class AutodiscoverNamespaces
{
    private const string Prefix = "http://schemas.microsoft.com/exchange/autodiscover/";

    /// <summary>The root of every response, and of framework-level errors.</summary>
    public const string Response = Prefix + "responseschema/2006";

    public const string MobileSyncRequest = Prefix + "mobilesync/requestschema/2006";

    public const string MobileSyncResponse = Prefix + "mobilesync/responseschema/2006";

    public const string OutlookRequest = Prefix + "outlook/requestschema/2006";

    public const string OutlookResponse = Prefix + "outlook/responseschema/2006a";
}
