using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;
using Passerelle.Store.Imap.Accounts;
using Passerelle.Store.Imap.Changes;
using Passerelle.Store.Imap.Connections;
using Passerelle.Store.Imap.Mail;

namespace Passerelle.Store.Imap.Push;

/// <summary>
/// One IMAP connection for one user while any of the user's clients waits, watching every folder they wait
/// on: NOTIFY (RFC 5465) for all of them where the server has it, otherwise IDLE (RFC 2177) on the Inbox and
/// a STATUS of the others every <c>Imap:Push:RecheckInterval</c>. When the connection drops it comes back
/// with a doubling delay, and the folders' STATUS is compared with what it was before, so that a change
/// made while it was away still wakes the clients.
/// </summary>
internal sealed class UserWatcher
{
    private static readonly TimeSpan IdleRefresh = TimeSpan.FromMinutes(25); // RFC 2177: re-issue IDLE within 29 minutes

    private readonly string _accountId;
    private readonly ChangeHub _hub;
    private readonly ImapConnector _connector;
    private readonly CredentialVault _vault;
    private readonly ImapOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly HashSet<ImapChangeSubscription> _subscriptions = [];
    private readonly List<(long Version, TaskCompletionSource Armed)> _waiters = [];
    private readonly Dictionary<string, FolderSignature> _baseline = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signalled = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private CancellationTokenSource _rearm = new();
    private ITimer? _linger;
    private Task _loop = Task.CompletedTask;
    private long _version;
    private bool _stopped;
    private bool _quiet;

    public UserWatcher(string accountId, ChangeHub hub, ImapConnector connector, CredentialVault vault, ImapOptions options, TimeProvider time, ILogger logger)
    {
        (_accountId, _hub, _connector, _vault, _options, _time, _logger) = (accountId, hub, connector, vault, options, time, logger);
    }

    /// <summary>Raised once the watcher has stopped for good (no subscription for the linger time).</summary>
    public event Action<UserWatcher>? Stopped;

    /// <summary>Adds a subscription; completes once its folders are watched, or after the arm timeout.</summary>
    /// <returns><see langword="false"/> when the watcher is stopping and a new one must be made.</returns>
    public bool TryAdd(ImapChangeSubscription subscription, out Task armed)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_stopped)
            {
                armed = Task.CompletedTask;
                return false;
            }

            _subscriptions.Add(subscription);
            _waiters.Add((++_version, waiter));
            _linger?.Dispose();
            _linger = null;
            if (_loop.IsCompleted)
            {
                _loop = Task.Run(RunAsync);
            }

            _rearm.Cancel();
        }

        armed = waiter.Task;
        return true;
    }

    public void Remove(ImapChangeSubscription subscription)
    {
        lock (_lock)
        {
            if (!_subscriptions.Remove(subscription))
            {
                return;
            }

            _version++;
            if (_subscriptions.Count == 0)
            {
                _linger = _time.CreateTimer(_ => StopIfUnused(), null, _options.Push.Linger, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public async Task StopAsync()
    {
        lock (_lock)
        {
            _stopped = true;
            _linger?.Dispose();
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void StopIfUnused()
    {
        lock (_lock)
        {
            if (_subscriptions.Count > 0 || _stopped)
            {
                return;
            }

            _stopped = true;
        }

        _stop.Cancel();
        Stopped?.Invoke(this);
    }

    private async Task RunAsync()
    {
        var delay = _options.ReconnectDelay;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (_vault.Get(_accountId) is not { } credentials)
                {
                    // Never a login with a password the server refused: wait for the next sign-in.
                    await _vault.WhenKnownAsync(_accountId, _stop.Token);
                    continue;
                }

                var client = await _connector.OpenAsync(credentials, _vault, _stop.Token);
                try
                {
                    delay = _options.ReconnectDelay;
                    await WatchAsync(client, _stop.Token);
                }
                finally
                {
                    await ImapConnector.CloseAsync(client);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                // Whatever went wrong, the watcher comes back after a while: it must outlive any one failure.
                _logger.LogInformation("Watching the folders of {Account} stopped ({Reason}); again in {Delay}", _accountId, exception.Message, delay);
                await Task.Delay(delay, _time, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task WatchAsync(ImapClient client, CancellationToken stop)
    {
        var notify = client.Capabilities.HasFlag(ImapCapabilities.Notify);
        var idle = client.Capabilities.HasFlag(ImapCapabilities.Idle);
        while (!stop.IsCancellationRequested)
        {
            long version;
            CancellationTokenSource rearm;
            HashSet<string> watched;
            lock (_lock)
            {
                version = _version;
                rearm = _rearm = new CancellationTokenSource();
                watched = _subscriptions.SelectMany(s => s.Folders).Select(f => f.FolderId).ToHashSet(StringComparer.Ordinal);
            }

            var folders = await ArmAsync(client, watched, notify, stop);
            try
            {
                Armed(version);
                while (!rearm.IsCancellationRequested)
                {
                    using var done = CancellationTokenSource.CreateLinkedTokenSource(rearm.Token, stop);
                    done.CancelAfter(notify ? IdleRefresh : _options.Push.RecheckInterval);
                    if (idle)
                    {
                        await client.IdleAsync(done.Token, stop);
                    }
                    else
                    {
                        await client.NoOpAsync(stop);
                        await Task.Delay(Timeout.InfiniteTimeSpan, _time, done.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    }

                    stop.ThrowIfCancellationRequested();
                    if (!notify && !rearm.IsCancellationRequested)
                    {
                        await CompareAsync(folders.Values.Where(f => !f.IsOpen), StatusOf(client), stop);
                    }
                }
            }
            finally
            {
                foreach (var folder in folders.Values)
                {
                    Detach(folder);
                }
            }
        }
    }

    private async Task<Dictionary<string, IMailFolder>> ArmAsync(ImapClient client, HashSet<string> watched, bool notify, CancellationToken stop)
    {
        _quiet = true;
        try
        {
            var folders = new Dictionary<string, IMailFolder>(StringComparer.Ordinal);
            foreach (var id in watched)
            {
                try
                {
                    folders[id] = await client.GetFolderAsync(id, stop);
                }
                catch (FolderNotFoundException)
                {
                    // deleted or renamed: a client's next sync finds out
                    _hub.Notify(_accountId, id);
                }
            }

            var selected = folders.GetValueOrDefault("INBOX") ?? folders.Values.FirstOrDefault() ?? client.Inbox;
            await selected.OpenAsync(FolderAccess.ReadOnly, stop);
            if (notify)
            {
                var events = new List<ImapEvent> { new ImapEvent.MessageNew(MessageSummaryItems.UniqueId), ImapEvent.MessageExpunge, ImapEvent.FlagChange };
                var groups = new List<ImapEventGroup> { new(ImapMailboxFilter.Selected, events) };
                var others = folders.Values.Where(f => f != selected).ToList();
                if (others.Count > 0)
                {
                    // RFC 5465 5.1: no fetch attributes for mailboxes other than the selected one.
                    groups.Add(new ImapEventGroup(new ImapMailboxFilter.Mailboxes(others), [new ImapEvent.MessageNew(MessageSummaryItems.None), ImapEvent.MessageExpunge, ImapEvent.FlagChange]));
                }

                await client.NotifyAsync(false, groups, stop);
            }

            foreach (var folder in folders.Values)
            {
                Attach(folder);
            }

            // What changed while nothing was watching (a reconnect, a folder newly watched) is caught here.
            await CompareAsync(folders.Values, StatusOf(client), stop);
            return folders;
        }
        finally
        {
            _quiet = false;
        }
    }

    private async Task CompareAsync(IEnumerable<IMailFolder> folders, StatusItems items, CancellationToken stop)
    {
        var wasQuiet = _quiet;
        _quiet = true;
        try
        {
            foreach (var folder in folders)
            {
                if (!folder.IsOpen)
                {
                    await folder.StatusAsync(items, stop);
                }

                var now = FolderSignature.Of(folder);
                var changed = _baseline.TryGetValue(folder.FullName, out var before) && before != now;
                if (changed && !_signalled.Contains(folder.FullName))
                {
                    _hub.Notify(_accountId, folder.FullName);
                }

                _baseline[folder.FullName] = now;
                _signalled.Remove(folder.FullName);
            }
        }
        finally
        {
            _quiet = wasQuiet;
        }
    }

    private static StatusItems StatusOf(ImapClient client) =>
        client.HasModSeq() ? FolderSignature.Items | StatusItems.HighestModSeq : FolderSignature.Items;

    private void Armed(long version)
    {
        lock (_lock)
        {
            foreach (var waiter in _waiters.Where(w => w.Version <= version).ToList())
            {
                waiter.Armed.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private void Attach(IMailFolder folder)
    {
        folder.CountChanged += OnChanged;
        folder.MessageExpunged += OnChanged;
        folder.MessagesVanished += OnChanged;
        folder.MessageFlagsChanged += OnChanged;
        folder.ModSeqChanged += OnChanged;
        folder.HighestModSeqChanged += OnChanged;
        folder.UidNextChanged += OnChanged;
        folder.UidValidityChanged += OnChanged;
        folder.UnreadChanged += OnChanged;
    }

    private void Detach(IMailFolder folder)
    {
        folder.CountChanged -= OnChanged;
        folder.MessageExpunged -= OnChanged;
        folder.MessagesVanished -= OnChanged;
        folder.MessageFlagsChanged -= OnChanged;
        folder.ModSeqChanged -= OnChanged;
        folder.HighestModSeqChanged -= OnChanged;
        folder.UidNextChanged -= OnChanged;
        folder.UidValidityChanged -= OnChanged;
        folder.UnreadChanged -= OnChanged;
    }

    private void OnChanged(object? sender, EventArgs e)
    {
        if (_quiet || sender is not IMailFolder folder)
        {
            return;
        }

        _signalled.Add(folder.FullName);
        _hub.Notify(_accountId, folder.FullName);
    }
}
