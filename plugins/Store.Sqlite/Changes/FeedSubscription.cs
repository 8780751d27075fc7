using Passerelle.Sdk.Changes;

namespace Passerelle.Store.Sqlite.Changes;

/// <summary>
/// A watch on some folders: changes that arrive while nobody waits are kept until the next
/// <see cref="WaitAsync"/>, so a change between subscribing and waiting is never lost.
/// </summary>
internal sealed class FeedSubscription(IReadOnlyCollection<FolderRef> folders, Action<FeedSubscription> onDispose) : IChangeSubscription
{
    private readonly Lock _lock = new();
    private HashSet<FolderRef>? _pending;
    private TaskCompletionSource<IReadOnlyCollection<FolderRef>>? _waiter;
    private bool _disposed;

    public IReadOnlyCollection<FolderRef> Folders { get; } = folders;

    public void Signal(IReadOnlyCollection<FolderRef> changed)
    {
        TaskCompletionSource<IReadOnlyCollection<FolderRef>>? waiter;
        lock (_lock)
        {
            waiter = _waiter;
            _waiter = null;
            if (waiter is null)
            {
                _pending ??= [];
                _pending.UnionWith(changed);
                return;
            }
        }

        if (!waiter.TrySetResult(changed))
        {
            // The wait was cancelled at this very moment: keep the change for the next wait.
            lock (_lock)
            {
                _pending ??= [];
                _pending.UnionWith(changed);
            }
        }
    }

    public async ValueTask<IReadOnlyCollection<FolderRef>> WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<IReadOnlyCollection<FolderRef>> waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_pending is { Count: > 0 } pending)
            {
                _pending = null;
                return pending;
            }

            if (_waiter is not null)
            {
                throw new InvalidOperationException("A subscription serves one wait at a time.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            _waiter = waiter = new TaskCompletionSource<IReadOnlyCollection<FolderRef>>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await using var registration = cancellationToken.Register(() => Abandon(waiter, cancellationToken));
        // Not back on the caller's context: ten thousand woken waits must not queue behind one another there.
        return await waiter.Task.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        TaskCompletionSource<IReadOnlyCollection<FolderRef>>? waiter;
        lock (_lock)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            waiter = _waiter;
            _waiter = null;
        }

        onDispose(this);
        waiter?.TrySetException(new ObjectDisposedException(nameof(FeedSubscription)));
        return ValueTask.CompletedTask;
    }

    private void Abandon(TaskCompletionSource<IReadOnlyCollection<FolderRef>> waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_waiter == waiter)
            {
                _waiter = null;
            }
        }

        waiter.TrySetCanceled(cancellationToken);
    }
}
