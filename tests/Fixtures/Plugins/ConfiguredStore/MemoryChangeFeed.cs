using System.Collections.Concurrent;
using System.Threading.Channels;
using Passerelle.Sdk.Changes;

namespace Fixtures.ConfiguredStore;

/// <summary>Tells subscribers which groupware folders of <see cref="MemoryGroupware"/> changed, in this process.</summary>
internal sealed class MemoryChangeFeed : IChangeFeed
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public int SubscriptionCount => _subscriptions.Count;

    public ValueTask<IChangeSubscription> SubscribeAsync(string accountId, IReadOnlyCollection<FolderRef> folders, CancellationToken cancellationToken)
    {
        var subscription = new Subscription(this, folders.Where(f => f.Source == FolderSource.Groupware).ToHashSet());
        _subscriptions.TryAdd(subscription, 0);
        return ValueTask.FromResult<IChangeSubscription>(subscription);
    }

    public void Notify(string folderId)
    {
        var folder = new FolderRef(FolderSource.Groupware, folderId);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.Folders.Contains(folder))
            {
                subscription.Changes.Writer.TryWrite(folder);
            }
        }
    }

    private sealed class Subscription(MemoryChangeFeed feed, HashSet<FolderRef> folders) : IChangeSubscription
    {
        public HashSet<FolderRef> Folders { get; } = folders;

        public Channel<FolderRef> Changes { get; } = Channel.CreateUnbounded<FolderRef>();

        public async ValueTask<IReadOnlyCollection<FolderRef>> WaitAsync(CancellationToken cancellationToken)
        {
            var changed = new HashSet<FolderRef> { await Changes.Reader.ReadAsync(cancellationToken) };
            while (Changes.Reader.TryRead(out var more))
            {
                changed.Add(more);
            }

            return changed;
        }

        public ValueTask DisposeAsync()
        {
            feed._subscriptions.TryRemove(this, out _);
            return ValueTask.CompletedTask;
        }
    }
}
