using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Passerelle.Store.Imap.Accounts;
using Passerelle.Store.Imap.Changes;
using Passerelle.Store.Imap.Connections;

namespace Passerelle.Store.Imap.Push;

/// <summary>The users' watchers: at most one per user, whatever the number of phones and folders.</summary>
internal sealed class WatcherRegistry(ChangeHub hub, ImapConnector connector, CredentialVault vault, ImapOptions options, TimeProvider time, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, UserWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<UserWatcher>();

    /// <summary>Watches the subscription's folders; completes once they are watched, or after <c>Imap:Push:ArmTimeout</c>.</summary>
    /// <returns>Whether the folders are watched.</returns>
    public async Task<bool> WatchAsync(ImapChangeSubscription subscription, CancellationToken cancellationToken)
    {
        Task armed;
        while (true)
        {
            var watcher = _watchers.GetOrAdd(subscription.AccountId, Create);
            if (watcher.TryAdd(subscription, out armed))
            {
                break;
            }

            _watchers.TryRemove(new KeyValuePair<string, UserWatcher>(subscription.AccountId, watcher));
        }

        try
        {
            await armed.WaitAsync(options.Push.ArmTimeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void Unwatch(ImapChangeSubscription subscription)
    {
        if (_watchers.TryGetValue(subscription.AccountId, out var watcher))
        {
            watcher.Remove(subscription);
        }
    }

    public int Count => _watchers.Count;

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers.Values)
        {
            await watcher.StopAsync();
        }

        _watchers.Clear();
    }

    private UserWatcher Create(string accountId)
    {
        var watcher = new UserWatcher(accountId, hub, connector, vault, options, time, _logger);
        watcher.Stopped += stopped => _watchers.TryRemove(new KeyValuePair<string, UserWatcher>(accountId, stopped));
        return watcher;
    }
}
