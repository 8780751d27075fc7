using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>
/// The S/MIME certificates a response carries (MS-ASCMD 2.2.3.23.1): only those valid now, and no more in all
/// than MaxCertificates; a recipient past that limit gets Status 8, one with no valid certificate Status 7.
/// </summary>
internal sealed class RecipientCertificates(int? maxCertificates, DateTimeOffset now)
{
    public const int Success = 1;
    public const int NoValidCertificate = 7;
    public const int LimitReached = 8;

    private int _returned;

    public (int Status, IReadOnlyList<byte[]> Certificates) Select(IReadOnlyList<byte[]> candidates)
    {
        var valid = candidates.Where(IsValidNow).ToList();
        if (valid.Count == 0)
        {
            return (NoValidCertificate, []);
        }

        if (maxCertificates is { } max && _returned + valid.Count > max)
        {
            return (LimitReached, []);
        }

        _returned += valid.Count;
        return (Success, valid);
    }

    private bool IsValidNow(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return certificate.NotBefore.ToUniversalTime() <= now.UtcDateTime && now.UtcDateTime <= certificate.NotAfter.ToUniversalTime();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
