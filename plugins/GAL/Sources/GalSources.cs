using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Passerelle.GAL.Flags;
using Passerelle.GAL.Index;
using Passerelle.GAL.Search;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GAL.Sources;

/// <summary>
/// Keeps the indexes of every source and composes, for one account, the GAL it sees, in merge order: the
/// directory of its domain; the folders flagged by an administrator whose owner is of that domain, in flag order;
/// the directory books the account sees (folders whose role is Directory); for name resolution, its own and
/// shared address books; and its collected addresses. An index nobody used for <see cref="GalOptions.IdleTimeout"/>
/// is dropped, except those of flagged folders, which are kept current from start-up.
/// </summary>
internal sealed class GalSources : IAsyncDisposable
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly GalStores _stores;
    private readonly GalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly RefreshingValue<IReadOnlyList<FlaggedFolder>> _flags;
    private readonly ConcurrentDictionary<string, DirectorySource> _directories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, AddressBookSource> _books = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RefreshingValue<IReadOnlyList<GroupwareFolder>>> _folderLists = new(StringComparer.OrdinalIgnoreCase);
    private long _lastSweepTicks;

    public GalSources(GalStores stores, GalFlagStore flags, GalOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _stores = stores;
        _options = options;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<GalSources>();
        _flags = new RefreshingValue<IReadOnlyList<FlaggedFolder>>(flags.ListAsync, options.RefreshInterval, time, _logger, "the flagged folders");
        _lastSweepTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>The GAL an account sees; with <paramref name="withOwnContacts"/>, its own and shared address books too (name resolution).</summary>
    public async Task<GalView> GetViewAsync(string accountId, bool withOwnContacts, CancellationToken cancellationToken)
    {
        await SweepAsync(cancellationToken);
        var domain = DomainOf(accountId);
        SourceSnapshot? directory = null;
        var sources = new List<SourceSnapshot>();
        if (_stores.Directory is not null)
        {
            directory = await DirectoryOf(domain).GetSnapshotAsync(cancellationToken);
            sources.Add(directory);
        }

        if (_stores.Groupware is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (ownerId, folderId) in await BooksOfAsync(accountId, domain, withOwnContacts, cancellationToken))
            {
                if (seen.Add(folderId))
                {
                    var book = BookOf(ownerId, folderId);
                    await book.StartAsync().WaitAsync(cancellationToken);
                    sources.Add(book.Snapshot);
                }
            }
        }

        return new GalView(directory, sources);
    }

    /// <summary>Starts indexing the flagged folders, so that the first search does not wait for them.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (_stores.Groupware is null)
        {
            return;
        }

        foreach (var flag in await _flags.GetAsync(cancellationToken))
        {
            _ = BookOf(flag.OwnerId, flag.FolderId).StartAsync();
        }
    }

    /// <summary>The index of a folder, if it is kept (for tests and the command line's counts).</summary>
    public AddressBookSource? FindBook(string folderId) => _books.GetValueOrDefault(folderId);

    public DirectorySource? FindDirectory(string domain) => _directories.GetValueOrDefault(domain);

    public async ValueTask DisposeAsync()
    {
        _flags.Stop();
        foreach (var directory in _directories.Values)
        {
            directory.Stop();
        }

        foreach (var list in _folderLists.Values)
        {
            list.Stop();
        }

        foreach (var book in _books.Values)
        {
            await book.DisposeAsync();
        }
    }

    private async Task<List<(string OwnerId, string FolderId)>> BooksOfAsync(string accountId, string domain, bool withOwnContacts, CancellationToken cancellationToken)
    {
        var books = (await _flags.GetAsync(cancellationToken))
            .Where(flag => flag.Domain.Equals(domain, StringComparison.OrdinalIgnoreCase))
            .Select(flag => (flag.OwnerId, flag.FolderId))
            .ToList();
        var folders = (await FolderListOf(accountId).GetAsync(cancellationToken)).Where(folder => folder.Kind == GroupwareKind.Contacts).ToList();
        IEnumerable<GroupwareFolder> Having(params GroupwareFolderRole[] roles) => folders.Where(folder => roles.Contains(folder.Role));

        books.AddRange(Having(GroupwareFolderRole.Directory).Select(folder => (folder.OwnerId, folder.Id)));
        if (withOwnContacts)
        {
            books.AddRange(Having(GroupwareFolderRole.Default, GroupwareFolderRole.Personal, GroupwareFolderRole.Shared, GroupwareFolderRole.Public)
                .Select(folder => (folder.OwnerId, folder.Id)));
        }

        books.AddRange(Having(GroupwareFolderRole.CollectedAddresses).Select(folder => (folder.OwnerId, folder.Id)));
        return books;
    }

    private DirectorySource DirectoryOf(string domain) =>
        _directories.GetOrAdd(domain, d => new DirectorySource(d, _stores.Directory!, _options, _time, _loggers.CreateLogger<DirectorySource>()));

    private RefreshingValue<IReadOnlyList<GroupwareFolder>> FolderListOf(string accountId) =>
        _folderLists.GetOrAdd(accountId, id => new RefreshingValue<IReadOnlyList<GroupwareFolder>>(
            cancellationToken => _stores.Groupware!.GetFoldersAsync(id, cancellationToken), _options.RefreshInterval, _time, _logger, $"the folders of {id}"));

    // a source made twice by a race is never started, so costs nothing
    private AddressBookSource BookOf(string ownerId, string folderId) =>
        _books.GetOrAdd(folderId, id => new AddressBookSource(ownerId, id, _stores, _options, _time, _loggers.CreateLogger<AddressBookSource>()));

    // Drops what nobody searched lately; flagged folders stay, kept current by their change feed.
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var last = Volatile.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < SweepEvery.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return; // swept lately, or another search is sweeping
        }

        var flagged = (await _flags.GetAsync(cancellationToken)).Select(flag => flag.FolderId).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, book) in _books)
        {
            if (!flagged.Contains(id) && now - book.LastUsed > _options.IdleTimeout && _books.TryRemove(id, out _))
            {
                _ = book.DisposeAsync().AsTask();
            }
        }

        foreach (var (domain, directory) in _directories)
        {
            if (now - directory.LastUsed > _options.IdleTimeout && _directories.TryRemove(domain, out _))
            {
                directory.Stop();
            }
        }

        foreach (var (accountId, list) in _folderLists)
        {
            if (now - list.LastUsed > _options.IdleTimeout && _folderLists.TryRemove(accountId, out _))
            {
                list.Stop();
            }
        }
    }

    private static string DomainOf(string accountId) => accountId[(accountId.IndexOf('@', StringComparison.Ordinal) + 1)..].ToLowerInvariant();
}
