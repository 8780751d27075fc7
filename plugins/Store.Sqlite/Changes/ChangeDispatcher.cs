using System.Collections.Concurrent;
using Passerelle.Sdk.Changes;

namespace Passerelle.Store.Sqlite.Changes;

/// <summary>
/// This process's waiting subscriptions, indexed by folder. A commit here publishes at once; the poller
/// publishes what other processes committed. No thread per subscription: a waiting one is a pending task.
/// </summary>
internal sealed class ChangeDispatcher
{
    private readonly ConcurrentDictionary<FolderRef, ConcurrentDictionary<FeedSubscription, byte>> _watchers = new();
    private int _count;

    /// <summary>How many subscriptions are live.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Add(FeedSubscription subscription)
    {
        foreach (var folder in subscription.Folders)
        {
            _watchers.GetOrAdd(folder, _ => new ConcurrentDictionary<FeedSubscription, byte>())[subscription] = 0;
        }

        Interlocked.Increment(ref _count);
    }

    public void Remove(FeedSubscription subscription)
    {
        foreach (var folder in subscription.Folders)
        {
            if (_watchers.TryGetValue(folder, out var watchers))
            {
                watchers.TryRemove(subscription, out _);
                if (watchers.IsEmpty)
                {
                    // A subscription added between the check and the removal re-creates the set.
                    _watchers.TryRemove(new KeyValuePair<FolderRef, ConcurrentDictionary<FeedSubscription, byte>>(folder, watchers));
                }
            }
        }

        Interlocked.Decrement(ref _count);
    }

    public void Publish(IReadOnlyCollection<FolderRef> folders)
    {
        if (folders.Count == 1)
        {
            var folder = folders.First();
            if (_watchers.TryGetValue(folder, out var watchers))
            {
                foreach (var subscription in watchers.Keys)
                {
                    subscription.Signal([folder]);
                }
            }

            return;
        }

        var bySubscription = new Dictionary<FeedSubscription, List<FolderRef>>();
        foreach (var folder in folders)
        {
            if (_watchers.TryGetValue(folder, out var watchers))
            {
                foreach (var subscription in watchers.Keys)
                {
                    if (!bySubscription.TryGetValue(subscription, out var changed))
                    {
                        bySubscription[subscription] = changed = [];
                    }

                    changed.Add(folder);
                }
            }
        }

        foreach (var (subscription, changed) in bySubscription)
        {
            subscription.Signal(changed);
        }
    }
}
