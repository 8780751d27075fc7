using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as <c>pbkdf2-sha256$iterations$salt$hash</c> so that
/// the count can be raised later: a hash with fewer iterations than configured is redone at the next sign-in.
/// Passwords are normalised to Unicode NFC first (RFC 8265 OpaqueString), since phones differ in how they
/// compose accented letters.
/// </summary>
internal sealed class PasswordHasher(StoreSqliteOptions options)
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltSize = 16;
    private const int HashSize = 32;
    private static readonly byte[] DummySalt = RandomNumberGenerator.GetBytes(SaltSize);
    private long _derivations;

    /// <summary>How many key derivations ran: an unknown login costs one, like a known one.</summary>
    public long Derivations => Interlocked.Read(ref _derivations);

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Derive(password, salt, options.PasswordIterations, HashSize);
        return string.Join('$', Scheme, options.PasswordIterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Checks a password; a missing or unreadable hash costs the same time as a real one.</summary>
    public bool Verify(string password, string? stored, out bool needsUpgrade)
    {
        needsUpgrade = false;
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            Derive(password, DummySalt, options.PasswordIterations, HashSize);
            return false;
        }

        var actual = Derive(password, salt, iterations, expected.Length);
        var matches = CryptographicOperations.FixedTimeEquals(actual, expected);
        needsUpgrade = matches && iterations < options.PasswordIterations;
        return matches;
    }

    private byte[] Derive(string password, byte[] salt, int iterations, int length)
    {
        Interlocked.Increment(ref _derivations);
        return Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Nfc(password)), salt, iterations, HashAlgorithmName.SHA256, length);
    }

    private static string Nfc(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return password; // lone surrogates: hashed as they are
        }
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        (iterations, salt, hash) = (0, [], []);
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations <= 0)
        {
            return false;
        }

        try
        {
            (salt, hash) = (Convert.FromBase64String(saltText), Convert.FromBase64String(hashText));
            return hash.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
