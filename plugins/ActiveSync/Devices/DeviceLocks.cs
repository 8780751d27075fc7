using System.Collections.Concurrent;

namespace Passerelle.ActiveSync.Devices;

/// <summary>
/// Serialises the state-changing commands of one device (a phone may send two Syncs at once; iOS sends
/// duplicate initial syncs, FIELD-NOTES 2), without holding a thread while one waits.
/// </summary>
internal sealed class DeviceLocks
{
    private readonly ConcurrentDictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        var key = $"{accountId}\n{deviceId}";
        Entry entry;
        while (true)
        {
            entry = _locks.GetOrAdd(key, _ => new Entry());
            lock (entry)
            {
                if (!entry.Removed)
                {
                    entry.Users++;
                    break;
                }
            }
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, entry, held: false);
            throw;
        }

        return new Releaser(() => Release(key, entry, held: true));
    }

    private void Release(string key, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (entry)
        {
            if (--entry.Users == 0)
            {
                entry.Removed = true;
                _locks.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Removed { get; set; }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
