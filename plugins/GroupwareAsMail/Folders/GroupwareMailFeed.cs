using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Changes;

namespace Passerelle.GroupwareAsMail.Folders;

/// <summary>
/// Wakes a Ping waiting on these folders: watches the groupware folders behind them on the stores' own
/// change feeds and reports the mail folders in their place. The parent folder never changes.
/// </summary>
internal sealed class GroupwareMailFeed(IServiceProvider services) : IChangeFeed
{
    public async ValueTask<IChangeSubscription> SubscribeAsync(string accountId, IReadOnlyCollection<FolderRef> folders, CancellationToken cancellationToken)
    {
        var watched = new Dictionary<FolderRef, FolderRef>();
        foreach (var folder in folders)
        {
            if (folder.Source == FolderSource.Virtual && FolderIds.TryGetGroupwareFolder(folder.FolderId, out var groupwareId))
            {
                watched[new FolderRef(FolderSource.Groupware, groupwareId)] = folder;
            }
        }

        var inner = new List<IChangeSubscription>();
        if (watched.Count > 0)
        {
            // The other feeds, resolved late: this feed is one of the container's IChangeFeed registrations.
            foreach (var feed in services.GetServices<IChangeFeed>().Where(feed => !ReferenceEquals(feed, this) && feed is not GroupwareMailFeed))
            {
                inner.Add(await feed.SubscribeAsync(accountId, watched.Keys.ToList(), cancellationToken));
            }
        }

        return new Subscription(inner, watched);
    }

    private sealed class Subscription(IReadOnlyList<IChangeSubscription> inner, IReadOnlyDictionary<FolderRef, FolderRef> watched) : IChangeSubscription
    {
        private readonly Dictionary<IChangeSubscription, Task<IReadOnlyCollection<FolderRef>>> _waits = [];

        public async ValueTask<IReadOnlyCollection<FolderRef>> WaitAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                if (inner.Count == 0)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                foreach (var subscription in inner.Where(s => !_waits.ContainsKey(s)))
                {
                    _waits[subscription] = subscription.WaitAsync(cancellationToken).AsTask();
                }

                await Task.WhenAny(_waits.Values);
                var changed = new HashSet<FolderRef>();
                foreach (var (subscription, wait) in _waits.Where(pair => pair.Value.IsCompleted).ToList())
                {
                    _waits.Remove(subscription);
                    changed.UnionWith((await wait).Where(watched.ContainsKey).Select(folder => watched[folder]));
                }

                if (changed.Count > 0)
                {
                    return changed;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var subscription in inner)
            {
                await subscription.DisposeAsync();
            }
        }
    }
}
