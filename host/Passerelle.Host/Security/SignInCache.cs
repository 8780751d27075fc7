using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Passerelle.Sdk.Accounts;

namespace Passerelle.Host.Security;

/// <summary>
/// Remembers successful sign-ins for a short time after their last use under an HMAC of the credentials with a key made at
/// start-up, so that neither the password nor a plain hash of it is ever kept.
/// </summary>
internal sealed class SignInCache(IOptionsMonitor<SignInOptions> options, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out Account account, out string stamp)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow())
        {
            (account, stamp) = (entry.Account, entry.Stamp);
            return true;
        }

        _entries.TryRemove(key, out _);
        (account, stamp) = (null!, "");
        return false;
    }

    /// <summary>Remembers a sign-in, or keeps it for another <c>CacheDuration</c> when it is used again.</summary>
    public void Add(string key, Account account, string stamp)
    {
        var duration = options.CurrentValue.CacheDuration;
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        if (_entries.Count > 50_000)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(account, stamp, time.GetUtcNow() + duration);
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);

    /// <summary>Names the credentials without revealing them: the key of every other member.</summary>
    public string KeyOf(string login, string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{login}\0{password}")));

    private sealed record Entry(Account Account, string Stamp, DateTimeOffset Expires);
}
