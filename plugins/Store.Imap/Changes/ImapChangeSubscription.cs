using System.Threading.Channels;
using Passerelle.Sdk.Changes;

namespace Passerelle.Store.Imap.Changes;

/// <summary>One subscription: the folders it watches and the changes not yet taken by <see cref="WaitAsync"/>.</summary>
internal sealed class ImapChangeSubscription(string accountId, IReadOnlyCollection<FolderRef> folders, Func<ImapChangeSubscription, ValueTask> onDispose) : IChangeSubscription
{
    private readonly Channel<FolderRef> _changes = Channel.CreateUnbounded<FolderRef>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<FolderRef> _folders = [.. folders];
    private int _disposed;

    public string AccountId { get; } = accountId;

    public IReadOnlyCollection<FolderRef> Folders => _folders;

    public void Signal(FolderRef folder)
    {
        if (_folders.Contains(folder))
        {
            _changes.Writer.TryWrite(folder);
        }
    }

    public void SignalAll()
    {
        foreach (var folder in _folders)
        {
            _changes.Writer.TryWrite(folder);
        }
    }

    public async ValueTask<IReadOnlyCollection<FolderRef>> WaitAsync(CancellationToken cancellationToken)
    {
        var first = await _changes.Reader.ReadAsync(cancellationToken);
        var changed = new HashSet<FolderRef> { first };
        while (_changes.Reader.TryRead(out var next))
        {
            changed.Add(next);
        }

        return changed;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _changes.Writer.TryComplete();
            await onDispose(this);
        }
    }
}
