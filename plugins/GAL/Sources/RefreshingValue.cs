using Microsoft.Extensions.Logging;

namespace Passerelle.GAL.Sources;

/// <summary>
/// A value read from a store and used for <see cref="GalOptions.RefreshInterval"/>: older, it is read again in the
/// background while the old value still answers; older than twice that, the caller waits for the new one. Reads
/// are one at a time. A failed read keeps the old value (logged); with no value yet, the failure is the caller's.
/// </summary>
internal sealed class RefreshingValue<T>(Func<CancellationToken, Task<T>> read, TimeSpan interval, TimeProvider time, ILogger logger, string what)
    where T : class
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile T? _value;
    private long _readAtTicks; // UTC ticks, read and written whole from any thread
    private long _lastUsedTicks;
    private int _backgroundRead;

    public DateTimeOffset LastUsed => new(Volatile.Read(ref _lastUsedTicks), TimeSpan.Zero);

    private DateTimeOffset ReadAt => new(Volatile.Read(ref _readAtTicks), TimeSpan.Zero);

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Volatile.Write(ref _lastUsedTicks, now.UtcTicks);
        var value = _value;
        if (value is not null && now - ReadAt < interval)
        {
            return value;
        }

        if (value is not null && now - ReadAt < interval * 2)
        {
            StartBackgroundRead();
            return value;
        }

        return await ReadAsync(cancellationToken);
    }

    public void Stop() => _stopping.Cancel();

    private void StartBackgroundRead()
    {
        if (Interlocked.Exchange(ref _backgroundRead, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await ReadAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // ReadAsync logged it; the next search tries again
            }
            finally
            {
                Volatile.Write(ref _backgroundRead, 0);
            }
        });
    }

    private async Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            var started = time.GetUtcNow();
            if (_value is { } fresh && started - ReadAt < interval)
            {
                return fresh; // read by someone else while this caller waited
            }

            try
            {
                _value = await read(cancellationToken);
                Volatile.Write(ref _readAtTicks, started.UtcTicks);
            }
            catch (Exception exception) when (_value is not null && exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reading {What} failed; the GAL answers with what it read at {ReadAt}", what, ReadAt);
            }

            return _value!;
        }
        finally
        {
            _reading.Release();
        }
    }
}
