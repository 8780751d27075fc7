namespace Passerelle.Autodiscover;

/// <summary>
/// Where an account hosted elsewhere is sent. Give <see cref="Address"/> or <see cref="Domain"/>:
/// phones only understand a new address (MS-ASCMD, Redirect element). <see cref="Url"/> is for Outlook, which may
/// be sent straight to another Autodiscover URL when the address stays the same (redirectUrl).
/// </summary>
internal sealed class RedirectOptions
{
    /// <summary>The new address.</summary>
    public string? Address { get; set; }

    /// <summary>The new domain: the local part of the address is kept.</summary>
    public string? Domain { get; set; }

    /// <summary>The Autodiscover URL of the other server, for Outlook clients.</summary>
    public Uri? Url { get; set; }
}
