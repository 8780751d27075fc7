using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Passerelle.Testing;

namespace Passerelle.Autodiscover.Tests.Infrastructure;

/// <summary>A private root and a server certificate it signed for the given names, written as PEM files the host loads.</summary>
internal sealed record TestCertificates(X509Certificate2 Root, string CertificatePath, string KeyPath)
{
    public static TestCertificates Create(params string[] names)
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Passerelle Test Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest($"CN={names[0]}", serverKey, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            alternativeNames.AddDnsName(name);
        }

        serverRequest.CertificateExtensions.Add(alternativeNames.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(root, now.AddHours(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(8));

        var folder = TestPaths.NewTemporaryDirectory("tls");
        var certificatePath = Path.Combine(folder, "server.crt");
        var keyPath = Path.Combine(folder, "server.key");
        File.WriteAllText(certificatePath, server.ExportCertificatePem());
        File.WriteAllText(keyPath, serverKey.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(X509CertificateLoader.LoadCertificate(root.RawData), certificatePath, keyPath);
    }
}
