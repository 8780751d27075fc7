using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Passerelle.Sdk.Changes;
using Passerelle.Store.Sqlite.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Changes;

/// <summary>
/// Wakes subscribers of this store's folders: at once for commits made in this process, and within
/// <c>ChangePollInterval</c> (250 ms) for commits of another process on the same data directory (the CLI).
/// One poller per process checks <c>PRAGMA data_version</c>, which moves when another connection committed,
/// and only then reads the change journal; subscriptions themselves are pending tasks, not threads.
/// </summary>
internal sealed class SqliteChangeFeed(
    StoreDatabase database,
    ChangeDispatcher dispatcher,
    StoreSelection selection,
    StoreSqliteOptions options,
    ILogger<SqliteChangeFeed> logger) : IChangeFeed, IAsyncDisposable
{
    private readonly Lock _pollerLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _poller;
    private int _disposed;

    public async ValueTask<IChangeSubscription> SubscribeAsync(string accountId, IReadOnlyCollection<FolderRef> folders, CancellationToken cancellationToken)
    {
        var visible = await database.ReadAsync(session => VisibleAsync(session, accountId, folders), cancellationToken);
        var subscription = new FeedSubscription(visible, dispatcher.Remove);
        dispatcher.Add(subscription);
        EnsurePolling();
        return subscription;
    }

    // Registered as itself and as IChangeFeed: the container disposes it twice.
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_poller is { } poller)
        {
            await poller.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    // Folders of sources this store does not serve, or that the account cannot see, are left out silently:
    // a phone may watch folders it never synced (Horde Request/Ping.php) and must not learn others' changes.
    private async Task<IReadOnlyCollection<FolderRef>> VisibleAsync(StoreSession session, string accountId, IReadOnlyCollection<FolderRef> folders)
    {
        var visible = new List<FolderRef>();
        foreach (var folder in folders.Distinct())
        {
            if (!RowId.TryParse(folder.FolderId, out var id))
            {
                continue;
            }

            var sees = folder.Source switch
            {
                FolderSource.Mail when selection.Mail => await session.ScalarAsync<long>(
                    "SELECT count(*) FROM mail_folders WHERE id = $id AND account_id = $account", ("$id", id), ("$account", accountId)) > 0,
                FolderSource.Groupware when selection.Groupware => await session.ScalarAsync<long>(
                    $"SELECT count(*) FROM ({GroupwareFolderRow.VisibleSql}) WHERE id = $id",
                    ("$id", id), ("$account", accountId), ("$domain", accountId.Contains('@', StringComparison.Ordinal) ? accountId[accountId.LastIndexOf('@')..] : "@")) > 0,
                _ => false,
            };
            if (sees)
            {
                visible.Add(folder);
            }
        }

        return visible;
    }

    private void EnsurePolling()
    {
        lock (_pollerLock)
        {
            _poller ??= Task.Run(() => PollAsync(_stopping.Token));
        }
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        try
        {
            await using var connection = await database.OpenAsync(stopping);
            var lastSeq = await ScalarAsync(connection, "SELECT ifnull(max(seq), 0) FROM change_journal", stopping);
            var lastVersion = await ScalarAsync(connection, "PRAGMA data_version", stopping);
            // The real clock on purpose: the poll must go on when tests stop the store's clock.
            using var timer = new PeriodicTimer(options.ChangePollInterval, TimeProvider.System);
            while (await timer.WaitForNextTickAsync(stopping))
            {
                var version = await ScalarAsync(connection, "PRAGMA data_version", stopping);
                if (version == lastVersion)
                {
                    continue;
                }

                lastVersion = version;
                lastSeq = await PublishForeignChangesAsync(connection, lastSeq, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is SqliteException or IOException)
        {
            logger.LogError(exception, "The change feed stopped watching other processes' changes");
            lock (_pollerLock)
            {
                _poller = null; // the next subscription starts it again
            }
        }
    }

    private async Task<long> PublishForeignChangesAsync(SqliteConnection connection, long lastSeq, CancellationToken stopping)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, source, folder_id, origin FROM change_journal WHERE seq > $seq ORDER BY seq";
        command.Parameters.AddWithValue("$seq", lastSeq);
        var changed = new HashSet<FolderRef>();
        await using (var reader = await command.ExecuteReaderAsync(stopping))
        {
            while (await reader.ReadAsync(stopping))
            {
                lastSeq = reader.GetInt64(0);
                if (reader.GetString(3) != database.Origin)
                {
                    changed.Add(new FolderRef((FolderSource)reader.GetInt64(1), reader.GetString(2)));
                }
            }
        }

        if (changed.Count > 0)
        {
            dispatcher.Publish(changed);
        }

        return lastSeq;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
