using Passerelle.Sdk.Errors;

namespace Passerelle.Store.Imap.Connections;

/// <summary>
/// Remembers that a server could not be reached, so that for a while (doubling up to a cap) new connections
/// fail at once instead of every request of every user trying again: a server that is down or restarting
/// is not hammered, and phones get a temporary error with a Retry-After at once.
/// </summary>
internal sealed class ServerHealth(string name, TimeSpan firstDelay, TimeSpan maxDelay, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _retryAt;
    private TimeSpan _delay = TimeSpan.Zero;

    /// <summary>Throws <see cref="StoreUnavailableException"/> while the server is being left alone.</summary>
    public void ThrowIfResting()
    {
        TimeSpan wait;
        lock (_lock)
        {
            wait = _retryAt - time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            throw new StoreUnavailableException($"The {name} server could not be reached; the next attempt is in {Math.Ceiling(wait.TotalSeconds)} s.", retryAfter: Ceiling(wait));
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _delay = TimeSpan.Zero;
            _retryAt = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Records a failed connection; returns how long new attempts are refused.</summary>
    public TimeSpan Failed()
    {
        lock (_lock)
        {
            _delay = _delay == TimeSpan.Zero ? firstDelay : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, maxDelay.Ticks));
            _retryAt = time.GetUtcNow() + _delay;
            return _delay;
        }
    }

    private static TimeSpan Ceiling(TimeSpan wait) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
}
