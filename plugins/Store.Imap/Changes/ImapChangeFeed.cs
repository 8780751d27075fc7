using Passerelle.Sdk.Changes;
using Passerelle.Store.Imap.Push;

namespace Passerelle.Store.Imap.Changes;

/// <summary>
/// The change feed of the IMAP store's mail folders. Changes come from three places: the store's own writes,
/// the user's watching IMAP connection (<see cref="UserWatcher"/>, unless <c>Imap:Push:HoldConnections</c> is
/// off), and Dovecot's push notifications posted to the push endpoint.
/// </summary>
internal sealed class ImapChangeFeed(ChangeHub hub, WatcherRegistry watchers, ImapOptions options) : IChangeFeed
{
    public async ValueTask<IChangeSubscription> SubscribeAsync(string accountId, IReadOnlyCollection<FolderRef> folders, CancellationToken cancellationToken)
    {
        var mail = folders.Where(folder => folder.Source == FolderSource.Mail).ToList();
        var subscription = hub.Add(accountId, mail, OnDisposeAsync);
        if (options.Push.HoldConnections && mail.Count > 0 && !await watchers.WatchAsync(subscription, cancellationToken))
        {
            // Not watched yet (the server is slow or down): the caller re-reads the states now, rather than
            // wait on folders nothing watches; the watcher keeps trying.
            subscription.SignalAll();
        }

        return subscription;
    }

    private ValueTask OnDisposeAsync(ImapChangeSubscription subscription)
    {
        hub.Remove(subscription);
        watchers.Unwatch(subscription);
        return ValueTask.CompletedTask;
    }
}
