using System.Collections.Concurrent;
using Passerelle.Sdk.Changes;

namespace Passerelle.Store.Imap.Changes;

/// <summary>The live subscriptions of each account, and the one way to wake them: <see cref="Notify"/>.</summary>
internal sealed class ChangeHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ImapChangeSubscription, byte>> _byAccount = new(StringComparer.Ordinal);

    public ImapChangeSubscription Add(string accountId, IReadOnlyCollection<FolderRef> folders, Func<ImapChangeSubscription, ValueTask> onDispose)
    {
        var subscription = new ImapChangeSubscription(accountId, folders, onDispose);
        _byAccount.GetOrAdd(accountId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Remove(ImapChangeSubscription subscription)
    {
        if (_byAccount.TryGetValue(subscription.AccountId, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
        }
    }

    /// <summary>Tells every subscription of the account watching the folder that it changed.</summary>
    public void Notify(string accountId, string folderId)
    {
        if (!_byAccount.TryGetValue(accountId, out var subscriptions))
        {
            return;
        }

        var folder = new FolderRef(FolderSource.Mail, folderId);
        foreach (var subscription in subscriptions.Keys)
        {
            subscription.Signal(folder);
        }
    }

    /// <summary>The mail folders the account's subscriptions watch.</summary>
    public IReadOnlySet<string> WatchedFolders(string accountId) =>
        _byAccount.TryGetValue(accountId, out var subscriptions)
            ? subscriptions.Keys.SelectMany(subscription => subscription.Folders).Select(folder => folder.FolderId).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();
}
