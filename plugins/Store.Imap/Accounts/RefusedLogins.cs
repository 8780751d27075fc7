using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Store.Imap.Accounts;

/// <summary>
/// Login and password pairs the IMAP server refused a moment ago, under an HMAC with a per-process key: a
/// phone retrying a wrong password is answered from here, so Passerelle never sets off the server's own
/// failed-login throttling (Dovecot's auth penalty counts per client address, and Passerelle is one address
/// for all its users).
/// </summary>
internal sealed class RefusedLogins(ImapOptions options, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _refused = new(StringComparer.Ordinal);

    public bool IsRefused(string login, string password)
    {
        var key = KeyOf(login, password);
        if (_refused.TryGetValue(key, out var until) && until > time.GetUtcNow())
        {
            return true;
        }

        _refused.TryRemove(key, out _);
        return false;
    }

    public void Add(string login, string password)
    {
        if (options.RefusedLoginMemory <= TimeSpan.Zero)
        {
            return;
        }

        if (_refused.Count > 10_000)
        {
            var now = time.GetUtcNow();
            foreach (var (key, until) in _refused)
            {
                if (until <= now)
                {
                    _refused.TryRemove(key, out _);
                }
            }
        }

        _refused[KeyOf(login, password)] = time.GetUtcNow() + options.RefusedLoginMemory;
    }

    public string KeyOf(string login, string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{login}\0{password}")));
}
