using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Passerelle.Testing;

namespace Passerelle.Host.Tests;

public sealed class HttpsTests
{
    [Fact]
    public async Task Https_WithoutConfiguredCertificate_ServesASelfSignedOneGeneratedIntoTheDataDirectory()
    {
        using var output = new StringWriter();
        await using var server = await PasserelleServer.StartAsync(
            new Dictionary<string, string?> { ["Tls:HostNames:0"] = "passerelle.example.test", ["Tls:HostNames:1"] = "127.0.0.1" },
            urls: "https://127.0.0.1:0",
            output: output);

        using var served = await FetchCertificateAsync(server.BaseAddress);

        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "tls", "server.crt")));
        Assert.Equal("CN=passerelle.example.test", served.Subject);
        var fingerprint = Convert.ToHexString(served.GetCertHash(HashAlgorithmName.SHA256));
        Assert.Contains(fingerprint, output.ToString().Replace(":", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_Restarted_ReusesTheGeneratedCertificate()
    {
        var data = TestPaths.NewTemporaryDirectory("tls");
        string first;
        await using (var server = await PasserelleServer.StartAsync(dataDirectory: data, urls: "https://127.0.0.1:0"))
        {
            using var certificate = await FetchCertificateAsync(server.BaseAddress);
            first = certificate.Thumbprint;
        }

        await using var restarted = await PasserelleServer.StartAsync(dataDirectory: data, urls: "https://127.0.0.1:0");
        using var again = await FetchCertificateAsync(restarted.BaseAddress);

        Assert.Equal(first, again.Thumbprint);
    }

    [Fact]
    public async Task Https_WithConfiguredPemFiles_ServesThatCertificate()
    {
        var folder = TestPaths.NewTemporaryDirectory("pem");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mail.example.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), made.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());

        await using var server = await PasserelleServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Tls:CertificatePath"] = Path.Combine(folder, "cert.pem"),
                ["Tls:KeyPath"] = Path.Combine(folder, "key.pem"),
            },
            urls: "https://127.0.0.1:0");
        using var served = await FetchCertificateAsync(server.BaseAddress);

        Assert.Equal(made.Thumbprint, served.Thumbprint);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "tls")));
    }

    private static async Task<X509Certificate2> FetchCertificateAsync(Uri address)
    {
        X509Certificate2? seen = null;
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    seen = X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData());
                    return true;
                },
            },
        };
        using var client = new HttpClient(handler);
        using var response = await client.GetAsync(address);
        return seen ?? throw new InvalidOperationException("no certificate was presented");
    }
}
