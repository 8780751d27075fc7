namespace Passerelle.Autodiscover;

/// <summary>The values of the POX Encryption element.</summary>
internal enum ProtocolEncryption
{
    /// <summary>No encryption.</summary>
    None,

    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465, HTTPS).</summary>
    Ssl,

    /// <summary>STARTTLS on a plain connection (SMTP 587, IMAP 143).</summary>
    Tls,

    /// <summary>Whatever the server offers.</summary>
    Auto,
}
