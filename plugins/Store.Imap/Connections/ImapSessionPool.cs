using System.Collections.Concurrent;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;
using Passerelle.Sdk.Errors;
using Passerelle.Store.Imap.Accounts;

namespace Passerelle.Store.Imap.Connections;

/// <summary>
/// A few authenticated IMAP sessions per user, reused across requests. Each user has a bound of their own,
/// so a user whose operations are slow waits for their own sessions only, never for another user's;
/// every read and write on a session has the configured timeout.
/// </summary>
internal sealed class ImapSessionPool : IAsyncDisposable
{
    // A session unused for this long is checked with NOOP before use: the server may have closed it.
    private static readonly TimeSpan CheckAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, UserSessions> _users = new(StringComparer.Ordinal);
    private readonly ImapOptions _options;
    private readonly ImapConnector _connector;
    private readonly CredentialVault _vault;
    private readonly TimeProvider _time;
    private readonly ILogger<ImapSessionPool> _logger;
    private readonly ITimer _sweeper;

    public ImapSessionPool(ImapOptions options, ImapConnector connector, CredentialVault vault, TimeProvider time, ILogger<ImapSessionPool> logger)
    {
        (_options, _connector, _vault, _time, _logger) = (options, connector, vault, time, logger);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, options.IdleConnectionLifetime.Ticks / 2));
        _sweeper = time.CreateTimer(_ => CloseExpired(), null, period, period);
    }

    /// <summary>Called with each new session before its first use (the Dovecot push registration).</summary>
    public Func<string, ImapClient, CancellationToken, Task>? SessionOpened { get; set; }

    /// <summary>Runs an operation on one of the user's sessions.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="what">What the operation does, for error messages ("listing folders").</param>
    /// <param name="operation">The operation; it runs once, never retried, so nothing is applied twice.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="StoreUnavailableException">The server cannot be reached, does not answer, or the user has no free session.</exception>
    public async Task<T> RunAsync<T>(string accountId, string what, Func<ImapClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        var credentials = _vault.Get(accountId)
            ?? throw new StoreUnavailableException($"The IMAP password of {accountId} is not known in this process; sign in again.", retryAfter: TimeSpan.FromSeconds(5));
        var user = _users.GetOrAdd(accountId, _ => new UserSessions(_options.MaxConnectionsPerUser));
        if (!await user.Slots.WaitAsync(_options.PoolWaitTimeout, cancellationToken))
        {
            throw new StoreUnavailableException($"All IMAP sessions of {accountId} are busy.", retryAfter: TimeSpan.FromSeconds(5));
        }

        ImapClient? client = null;
        var reusable = false;
        try
        {
            client = await TakeAsync(user, credentials, cancellationToken);
            var result = await operation(client);
            reusable = true;
            return result;
        }
        catch (StoreException)
        {
            reusable = true;
            throw;
        }
        catch (Exception exception) when (ImapErrors.Translate(exception, what) is { } translated)
        {
            // A refused command may leave the session in a state of its own (a mailbox gone under it): start afresh.
            reusable = !ImapErrors.BreaksConnection(exception) && exception is not ImapCommandException;
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw translated;
        }
        finally
        {
            if (client is not null)
            {
                Give(user, client, reusable);
            }

            user.Slots.Release();
        }
    }

    /// <summary>Keeps a session opened elsewhere (the sign-in check) when the user has room for it.</summary>
    public async Task OfferAsync(string accountId, ImapClient client)
    {
        if (SessionOpened is { } opened)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.Timeout);
                await opened(accountId, client, timeout.Token);
            }
            catch (Exception exception) when (ImapErrors.Translate(exception, "registering for push") is not null)
            {
                _ = ImapConnector.CloseAsync(client);
                return;
            }
        }

        var user = _users.GetOrAdd(accountId, _ => new UserSessions(_options.MaxConnectionsPerUser));
        if (user.Slots.CurrentCount > 0)
        {
            Give(user, client, reusable: true);
        }
        else
        {
            _ = ImapConnector.CloseAsync(client);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        foreach (var user in _users.Values)
        {
            foreach (var session in user.TakeAll())
            {
                await ImapConnector.CloseAsync(session.Client);
            }
        }
    }

    private async Task<ImapClient> TakeAsync(UserSessions user, ImapCredentials credentials, CancellationToken cancellationToken)
    {
        while (user.TryTake(out var idle))
        {
            if (!idle.Client.IsConnected || !idle.Client.IsAuthenticated)
            {
                idle.Client.Dispose();
                continue;
            }

            if (_time.GetUtcNow() - idle.ReturnedAt < CheckAfter)
            {
                return idle.Client;
            }

            try
            {
                await idle.Client.NoOpAsync(cancellationToken);
                return idle.Client;
            }
            catch (Exception exception) when (ImapErrors.BreaksConnection(exception) || exception is ImapCommandException)
            {
                idle.Client.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var client = await _connector.OpenAsync(credentials, _vault, cancellationToken);
        if (SessionOpened is { } opened)
        {
            await opened(credentials.AccountId, client, cancellationToken);
        }

        return client;
    }

    private void Give(UserSessions user, ImapClient client, bool reusable)
    {
        if (reusable && client.IsConnected && client.IsAuthenticated)
        {
            user.Return(new IdleSession(client, _time.GetUtcNow()), _options.MaxConnectionsPerUser);
        }
        else
        {
            _ = ImapConnector.CloseAsync(client);
        }
    }

    private void CloseExpired()
    {
        var oldest = _time.GetUtcNow() - _options.IdleConnectionLifetime;
        foreach (var user in _users.Values)
        {
            foreach (var session in user.TakeOlderThan(oldest))
            {
                _logger.LogDebug("Closing an IMAP session unused since {Since}", session.ReturnedAt);
                _ = ImapConnector.CloseAsync(session.Client);
            }
        }
    }

    private sealed record IdleSession(ImapClient Client, DateTimeOffset ReturnedAt);

    private sealed class UserSessions(int size)
    {
        private readonly Lock _lock = new();
        private readonly List<IdleSession> _idle = [];

        public SemaphoreSlim Slots { get; } = new(size, size);

        public bool TryTake(out IdleSession session)
        {
            lock (_lock)
            {
                if (_idle.Count == 0)
                {
                    session = null!;
                    return false;
                }

                // The most recently used first: it is the most likely to be alive, and the others age out.
                session = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                return true;
            }
        }

        public void Return(IdleSession session, int max)
        {
            IdleSession? surplus = null;
            lock (_lock)
            {
                _idle.Add(session);
                if (_idle.Count > max)
                {
                    surplus = _idle[0];
                    _idle.RemoveAt(0);
                }
            }

            if (surplus is not null)
            {
                _ = ImapConnector.CloseAsync(surplus.Client);
            }
        }

        public List<IdleSession> TakeOlderThan(DateTimeOffset oldest)
        {
            lock (_lock)
            {
                var expired = _idle.Where(session => session.ReturnedAt < oldest).ToList();
                _idle.RemoveAll(session => session.ReturnedAt < oldest);
                return expired;
            }
        }

        public List<IdleSession> TakeAll() => TakeOlderThan(DateTimeOffset.MaxValue);
    }
}
