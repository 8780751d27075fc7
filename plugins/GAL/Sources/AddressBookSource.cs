using Microsoft.Extensions.Logging;
using Passerelle.GAL.Index;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GAL.Sources;

/// <summary>
/// The contacts of one address book, read as its owner sees them and kept current: it subscribes to every
/// change feed first, then lists the folder, then applies <see cref="IGroupwareStore.GetChangesAsync"/> deltas
/// whenever a feed reports a change (or every <see cref="GalOptions.FolderPollInterval"/>, for a change no feed
/// reported). An expired state lists the folder again; a folder gone leaves the source empty until it returns.
/// </summary>
internal sealed class AddressBookSource : IEntryOrigin, IAsyncDisposable
{
    private const int PageSize = 1000;

    private readonly IGroupwareStore _store;
    private readonly IReadOnlyList<IChangeFeed> _feeds;
    private readonly GalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SourceIndexWriter _index = new();
    private readonly Wakeup _wakeup = new();
    private readonly TaskCompletionSource _firstSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _starting = new();
    private long _lastUsedTicks;
    private ChangeState? _state;
    private Task? _running;

    public AddressBookSource(string ownerId, string folderId, GalStores stores, GalOptions options, TimeProvider time, ILogger logger)
    {
        OwnerId = ownerId;
        FolderId = folderId;
        _store = stores.Groupware ?? throw new InvalidOperationException("no groupware store is registered");
        _feeds = stores.Feeds;
        _options = options;
        _time = time;
        _logger = logger;
        _lastUsedTicks = time.GetUtcNow().UtcTicks;
    }

    public string OwnerId { get; }

    public string FolderId { get; }

    public SourceSnapshot Snapshot => _index.Snapshot;

    /// <summary>Whether the folder was not found at the last look.</summary>
    public bool Missing { get; private set; }

    public DateTimeOffset LastUsed => new(Volatile.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>How many times the folder was listed whole, and the index rebuilt whole, for tests.</summary>
    public int FullListings { get; private set; }

    public int BaseBuilds => _index.BaseBuilds;

    /// <summary>Starts keeping the folder current; completes once it was read for the first time (or failed to be).</summary>
    public Task StartAsync()
    {
        Volatile.Write(ref _lastUsedTicks, _time.GetUtcNow().UtcTicks);
        lock (_starting)
        {
            _running ??= Task.Run(() => RunAsync(_stopping.Token));
        }

        return _firstSync.Task;
    }

    public async Task<byte[]?> LoadPhotoAsync(IndexedEntry entry, CancellationToken cancellationToken) =>
        (await ReadContactAsync(entry, cancellationToken))?.Photo;

    public async Task<IReadOnlyList<byte[]>> LoadCertificatesAsync(IndexedEntry entry, CancellationToken cancellationToken) =>
        (await ReadContactAsync(entry, cancellationToken))?.Certificates ?? [];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        _stopping.Dispose();
    }

    private async Task<Contact?> ReadContactAsync(IndexedEntry entry, CancellationToken cancellationToken) =>
        await _store.GetItemAsync(OwnerId, FolderId, entry.ItemId, cancellationToken) as Contact;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var subscriptions = await SubscribeAsync(cancellationToken);
        try
        {
            await SyncAsync(cancellationToken);
            _firstSync.TrySetResult();
            while (!cancellationToken.IsCancellationRequested)
            {
                await _wakeup.WaitAsync(_options.FolderPollInterval, _time, cancellationToken);
                await SyncAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped
        }
        finally
        {
            _firstSync.TrySetResult();
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    private async Task<List<IChangeSubscription>> SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<IChangeSubscription>();
        foreach (var feed in _feeds)
        {
            try
            {
                var subscription = await feed.SubscribeAsync(OwnerId, [new FolderRef(FolderSource.Groupware, FolderId)], cancellationToken);
                subscriptions.Add(subscription);
                _ = PumpAsync(subscription, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.LogWarning(exception, "Watching GAL folder {Folder} of {Owner} failed; it is polled instead", FolderId, OwnerId);
            }
        }

        return subscriptions;
    }

    private async Task PumpAsync(IChangeSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await subscription.WaitAsync(cancellationToken);
                _wakeup.Signal();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // stopped
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogWarning(exception, "The change feed of GAL folder {Folder} of {Owner} failed; it is polled instead", FolderId, OwnerId);
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await ReadChangesAsync(cancellationToken);
            }
            catch (ChangeStateExpiredException)
            {
                _state = null;
                await ReadChangesAsync(cancellationToken);
            }

            Missing = false;
        }
        catch (FolderNotFoundException)
        {
            _state = null;
            _index.Reset([]);
            Missing = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "Reading GAL folder {Folder} of {Owner} failed; trying again at its next change", FolderId, OwnerId);
        }
    }

    // Reads every change since the last state (everything when there is none) and applies them at once.
    private async Task ReadChangesAsync(CancellationToken cancellationToken)
    {
        var full = _state is null;
        var since = _state;
        var changes = new Dictionary<string, IndexedEntry?>(StringComparer.Ordinal);
        FolderChanges<GroupwareItem> page;
        do
        {
            page = await _store.GetChangesAsync(OwnerId, FolderId, since, PageSize, cancellationToken);
            foreach (var removed in page.Removed)
            {
                changes[removed] = null;
            }

            foreach (var item in page.Changed)
            {
                changes[item.Id] = item is Contact contact ? ContactEntries.FromContact(contact, this) : null;
            }

            since = page.State;
        }
        while (page.MoreAvailable);

        if (full)
        {
            FullListings++;
            _index.Reset(changes.Values.OfType<IndexedEntry>());
        }
        else
        {
            _index.Apply(
                changes.Values.OfType<IndexedEntry>().ToList(),
                changes.Where(change => change.Value is null).Select(change => change.Key).ToList());
        }

        _state = since;
    }
}
