using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Passerelle.Host.Security;

/// <summary>
/// Counts failed sign-ins per (login, client address), per client address and per login, within a sliding
/// window. Logins are counted whether or not the account exists, so that the answers do not tell.
/// </summary>
internal sealed class SignInThrottle(IOptionsMonitor<SignInOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, FailureCount> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the client must still wait, or zero when it may try.</summary>
    public TimeSpan RetryAfter(string login, IPAddress? address)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var pair = Current(PairKey(login, address), now, settings);
        var fromAddress = Current(AddressKey(address), now, settings);
        var wait = TimeSpan.Zero;
        if (pair.Count >= settings.MaxFailuresPerLoginAndAddress)
        {
            wait = pair.Last + settings.Window - now;
        }

        if (fromAddress.Count >= settings.MaxFailuresPerAddress)
        {
            wait = Max(wait, fromAddress.Last + settings.Window - now);
        }

        return Max(wait, TimeSpan.Zero);
    }

    /// <summary>Records a failure and returns how long to slow the answer down.</summary>
    public TimeSpan RecordFailure(string login, IPAddress? address)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        Increment(PairKey(login, address), now, settings);
        Increment(AddressKey(address), now, settings);
        var perLogin = Increment(LoginKey(login), now, settings).Count;
        Prune(now, settings);
        if (perLogin <= 2 || settings.FailureDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var doubled = settings.FailureDelay * Math.Pow(2, Math.Min(perLogin - 3, 16));
        return doubled < settings.MaxFailureDelay ? doubled : settings.MaxFailureDelay;
    }

    /// <summary>A success forgets the failures of that login from that address.</summary>
    public void RecordSuccess(string login, IPAddress? address) => _failures.TryRemove(PairKey(login, address), out _);

    private FailureCount Current(string key, DateTimeOffset now, SignInOptions settings) =>
        _failures.TryGetValue(key, out var count) && count.Last + settings.Window > now ? count : default;

    private FailureCount Increment(string key, DateTimeOffset now, SignInOptions settings) =>
        _failures.AddOrUpdate(
            key,
            _ => new FailureCount(1, now),
            (_, old) => old.Last + settings.Window > now ? new FailureCount(old.Count + 1, now) : new FailureCount(1, now));

    private void Prune(DateTimeOffset now, SignInOptions settings)
    {
        if (_failures.Count < 10_000)
        {
            return;
        }

        foreach (var (key, count) in _failures)
        {
            if (count.Last + settings.Window <= now)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string PairKey(string login, IPAddress? address) => $"p|{login}|{address}";

    private static string AddressKey(IPAddress? address) => $"a|{address}";

    private static string LoginKey(string login) => $"l|{login}";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private readonly record struct FailureCount(int Count, DateTimeOffset Last);
}
