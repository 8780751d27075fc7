using Passerelle.Sdk.Changes;

namespace Passerelle.ActiveSync.Push;

/// <summary>Subscribes to every change feed at once (mail store, groupware store, virtual folder providers) and waits on all.</summary>
internal sealed class ChangeWatcher(IEnumerable<IChangeFeed> feeds)
{
    public async Task<Watch> WatchAsync(string accountId, IReadOnlyCollection<FolderRef> folders, CancellationToken cancellationToken)
    {
        var subscriptions = new List<IChangeSubscription>();
        foreach (var feed in feeds)
        {
            subscriptions.Add(await feed.SubscribeAsync(accountId, folders, cancellationToken));
        }

        return new Watch(subscriptions);
    }

    /// <summary>Live subscriptions to every feed; waits hold no thread.</summary>
    internal sealed class Watch(IReadOnlyList<IChangeSubscription> subscriptions) : IAsyncDisposable
    {
        private readonly Dictionary<IChangeSubscription, Task<IReadOnlyCollection<FolderRef>>> _waits = [];

        /// <summary>Waits until some folder changed; the folders that did.</summary>
        public async Task<IReadOnlyCollection<FolderRef>> WaitAsync(CancellationToken cancellationToken)
        {
            if (subscriptions.Count == 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            foreach (var subscription in subscriptions)
            {
                if (!_waits.ContainsKey(subscription))
                {
                    _waits[subscription] = subscription.WaitAsync(cancellationToken).AsTask();
                }
            }

            var done = await Task.WhenAny(_waits.Values);
            var changed = new HashSet<FolderRef>();
            foreach (var (subscription, wait) in _waits.Where(pair => pair.Value.IsCompleted).ToList())
            {
                _waits.Remove(subscription);
                changed.UnionWith(await wait);
            }

            await done; // surfaces a cancellation
            return changed;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }
        }
    }
}
