namespace Passerelle.Autodiscover;

/// <summary>One protocol listed in an Outlook-schema answer (MS-OXDSCLI Protocol element).</summary>
internal sealed class ProtocolOptions
{
    /// <summary>The protocol: <c>IMAP</c>, <c>POP3</c>, <c>SMTP</c>, <c>CalDAV</c>, <c>CardDAV</c>, <c>XMPP</c>...</summary>
    public string Type { get; set; } = "";

    /// <summary>The server's host name, or its URL for the DAV protocols.</summary>
    public string Server { get; set; } = "";

    /// <summary>The port, when not the protocol's usual one.</summary>
    public int? Port { get; set; }

    /// <summary>How the connection is secured.</summary>
    public ProtocolEncryption Encryption { get; set; } = ProtocolEncryption.Ssl;

    /// <summary>The login to use: <c>{address}</c> (the default), <c>{local}</c> for the part before the <c>@</c>, or a fixed name.</summary>
    public string LoginName { get; set; } = "{address}";

    /// <summary>Whether the server needs a login at all.</summary>
    public bool AuthRequired { get; set; } = true;

    /// <summary>The login for one address.</summary>
    public string LoginFor(string address) => LoginName
        .Replace("{address}", address, StringComparison.OrdinalIgnoreCase)
        .Replace("{local}", address.Split('@')[0], StringComparison.OrdinalIgnoreCase);
}
