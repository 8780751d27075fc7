namespace Passerelle.Host.Tls;

/// <summary>The HTTPS certificate, bound from <c>Tls</c>.</summary>
internal sealed class TlsOptions
{
    /// <summary>A PEM certificate (chain) file; with <see cref="KeyPath"/>, used instead of a generated one.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key file of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The host names a generated certificate is made for.</summary>
    public List<string> HostNames { get; set; } = [];
}
