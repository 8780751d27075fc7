using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Passerelle.Host.Tls;

/// <summary>
/// The certificate Kestrel serves HTTPS with: the configured PEM files, or a self-signed certificate
/// generated into <c>DATA/tls/</c> on first start for the configured host names.
/// </summary>
internal static class ServerCertificate
{
    public static X509Certificate2 Load(TlsOptions options, string dataDirectory, TextWriter output)
    {
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            var configured = X509Certificate2.CreateFromPemFile(options.CertificatePath, options.KeyPath);
            return Exportable(configured);
        }

        var folder = Path.Combine(dataDirectory, "tls");
        var certificatePath = Path.Combine(folder, "server.crt");
        var keyPath = Path.Combine(folder, "server.key");
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            Directory.CreateDirectory(folder);
            using var generated = Generate(HostNames(options));
            File.WriteAllText(keyPath, generated.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.WriteAllText(certificatePath, generated.ExportCertificatePem());
            output.WriteLine($"Generated a self-signed certificate in {certificatePath}");
        }

        var certificate = Exportable(X509Certificate2.CreateFromPemFile(certificatePath, keyPath));
        output.WriteLine($"HTTPS certificate SHA-256 fingerprint: {Fingerprint(certificate)}");
        return certificate;
    }

    public static string Fingerprint(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    private static IReadOnlyList<string> HostNames(TlsOptions options) =>
        options.HostNames.Count > 0 ? options.HostNames : [Dns.GetHostName(), "localhost"];

    private static X509Certificate2 Generate(IReadOnlyList<string> hostNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostNames[0]}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in hostNames)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }

    // Kestrel on Linux needs the key in a form it can hand to OpenSSL; a PKCS#12 round trip gives that.
    private static X509Certificate2 Exportable(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
