using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Errors;
using Passerelle.Store.Sqlite.Blobs;
using Passerelle.Store.Sqlite.Changes;

namespace Passerelle.Store.Sqlite.State;

/// <summary>
/// <c>DATA/store.db</c>: WAL mode with a busy timeout, so that the server and the CLI (another process) read
/// and write it at once; writes are serialised in this process by an async gate (fair, and no thread waits
/// on SQLite's busy loop) and across processes by SQLite's write lock.
/// </summary>
internal sealed class StoreDatabase
{
    // SQLITE_BUSY and SQLITE_LOCKED: another process held the write lock past the busy timeout.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = [];
    private readonly Lock _readyLock = new();
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly ChangeDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tombstoneRetention;
    private Task? _ready;
    private string? _storeId;
    private int _writes;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    public StoreDatabase(string dataDirectory, StoreSqliteOptions options, ChangeDispatcher dispatcher, TimeProvider time)
    {
        DataDirectory = dataDirectory;
        FilePath = Path.Combine(dataDirectory, "store.db");
        Blobs = new BlobStore(Path.Combine(dataDirectory, "blobs"));
        _busyTimeoutMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _dispatcher = dispatcher;
        _time = time;
        _tombstoneRetention = options.TombstoneRetention;
    }

    public string DataDirectory { get; }

    public string FilePath { get; }

    public BlobStore Blobs { get; }

    /// <summary>The database's random identity, part of every change state it issues.</summary>
    public string StoreId => _storeId ?? throw new InvalidOperationException("The database is opened by the first read or write.");

    /// <summary>Names this store instance in the change journal, so that its poller skips what it already announced.</summary>
    public string Origin { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Runs reads in one snapshot (a deferred transaction): what they see is consistent.</summary>
    public async Task<T> ReadAsync<T>(Func<StoreSession, Task<T>> read, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync();
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: true);
            var result = await read(new StoreSession(connection, transaction));
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Busy(exception);
        }
    }

    /// <summary>
    /// Runs a write in one transaction that holds the write lock from its start; after the commit, tells this
    /// process's change subscribers and removes blobs no longer referenced.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<StoreWrite, Task<T>> write, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync();
        await _writeGate.WaitAsync(cancellationToken);
        StoreWrite? unit = null;
        var committed = false;
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            unit = await StoreWrite.BeginAsync(connection, transaction, Blobs, _time.GetUtcNow());
            var result = await write(unit);
            if (unit.Now - _lastPurge >= TimeSpan.FromHours(1))
            {
                await TombstonePurger.PurgeAsync(unit, _tombstoneRetention);
                _lastPurge = unit.Now;
            }

            await unit.FlushAsync(Origin);
            if (Interlocked.Increment(ref _writes) % 200 == 0)
            {
                await PruneJournalAsync(unit);
            }

            await transaction.CommitAsync(CancellationToken.None);
            committed = true;
            return result;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            throw Busy(exception);
        }
        finally
        {
            _writeGate.Release();
            if (unit is not null)
            {
                if (committed && unit.Touched.Count > 0)
                {
                    _dispatcher.Publish(unit.Touched);
                }

                if (!committed)
                {
                    unit.BlobsToCheck.UnionWith(unit.PlacedBlobs);
                }

                if (unit.BlobsToCheck.Count > 0)
                {
                    await CollectBlobsAsync(unit.BlobsToCheck);
                }
            }
        }
    }

    /// <summary>Opens a connection with the store's pragmas, for the change feed's long-lived poller.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Pooled connections keep their settings: configure each native connection once.
            if (connection.Handle is not { } handle || !_configured.TryAdd(handle, this))
            {
                return connection;
            }

            await using var pragmas = connection.CreateCommand();
            // synchronous=FULL: a delivered message survives a power cut once the write returned.
            pragmas.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task EnsureReadyAsync()
    {
        lock (_readyLock)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = MigrateAsync();
            }

            return _ready;
        }
    }

    private async Task MigrateAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Blobs.EnsureDirectories();
        await using var connection = await OpenAsync(CancellationToken.None);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync();
        }

        await SchemaMigrator.MigrateAsync(connection);
        await using var storeId = connection.CreateCommand();
        storeId.CommandText = "SELECT value FROM store_meta WHERE key = 'store_id'";
        _storeId = (string)(await storeId.ExecuteScalarAsync())!;
    }

    // Journal rows are only for pollers that run now; ten minutes covers a paused process.
    private static Task PruneJournalAsync(StoreWrite unit) =>
        unit.ExecuteAsync(
            "DELETE FROM change_journal WHERE at < $before",
            ("$before", UnixTime.ToMilliseconds(unit.Now - TimeSpan.FromMinutes(10))));

    // A blob file is deleted only while holding the write lock, so no other writer can be adding a reference
    // to it at the same moment; writers put a blob's file in place inside their own transaction.
    private async Task CollectBlobsAsync(IReadOnlyCollection<string> hashes)
    {
        await _writeGate.WaitAsync(CancellationToken.None);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await Blobs.CollectAsync(new StoreSession(connection, transaction), hashes);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            // Left in place: an unreferenced file wastes space but breaks nothing.
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static StoreUnavailableException Busy(SqliteException exception) =>
        new("The store is busy: another process held its write lock too long.", exception, TimeSpan.FromSeconds(5));
}
