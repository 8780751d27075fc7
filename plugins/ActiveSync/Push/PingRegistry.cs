using System.Collections.Concurrent;

namespace Passerelle.ActiveSync.Push;

/// <summary>
/// The waiting Ping (or Sync with Wait) of each device: a newer request from the device ends the older
/// wait at once, even when both started within the same second (FIELD-NOTES 13).
/// </summary>
internal sealed class PingRegistry
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Ends the device's waiting request, if any.</summary>
    public void Supersede(string accountId, string deviceId)
    {
        if (_waiting.TryRemove(Key(accountId, deviceId), out var previous))
        {
            previous.Cancel();
        }
    }

    /// <summary>Registers a new wait, ending the previous one; the token is cancelled when a newer request comes.</summary>
    public Registration Register(string accountId, string deviceId)
    {
        var source = new CancellationTokenSource();
        var key = Key(accountId, deviceId);
        _waiting.AddOrUpdate(key, source, (_, previous) =>
        {
            previous.Cancel();
            return source;
        });
        return new Registration(this, key, source);
    }

    /// <summary>How many requests are waiting, for metrics and the benchmark.</summary>
    public int Count => _waiting.Count;

    private static string Key(string accountId, string deviceId) => $"{accountId}\n{deviceId}";

    internal sealed class Registration(PingRegistry registry, string key, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Superseded => source.Token;

        // The source is not disposed: a newer request may be cancelling it at this very moment.
        public void Dispose() => registry._waiting.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, source));
    }
}
