using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Passerelle.Store.Imap.Accounts;

/// <summary>
/// The passwords users signed in with, kept in memory only (never written or logged), so that the store can
/// open the users' IMAP and SMTP sessions later. Each password learned gets a generation number never used
/// before in this process: it is the account's credential stamp.
/// </summary>
internal sealed class CredentialVault(ImapOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _learned = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Remembers a password the server accepted; the generation changes only when the password does.</summary>
    public void Remember(string accountId, string login, string password)
    {
        var now = time.GetUtcNow();
        _entries.AddOrUpdate(
            accountId,
            _ => new Entry(login, password, Interlocked.Increment(ref _generation), now),
            (_, old) => old.Login == login && SameSecret(old.Password, password)
                ? old with { VerifiedAt = now }
                : new Entry(login, password, Interlocked.Increment(ref _generation), now));
        if (_learned.TryRemove(accountId, out var waiters))
        {
            waiters.TrySetResult();
        }
    }

    /// <summary>The login and password to open a session with, or <see langword="null"/> when none is known.</summary>
    public ImapCredentials? Get(string accountId) =>
        Current(accountId) is { } entry ? new ImapCredentials(accountId, entry.Login, entry.Password, entry.Generation) : null;

    /// <summary>The credential stamp: the generation of the known password, or <see langword="null"/>.</summary>
    public string? Stamp(string accountId) => Current(accountId)?.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Forgets a password the server refused, unless a newer one was learned meanwhile.</summary>
    public void Forget(ImapCredentials refused)
    {
        if (_entries.TryGetValue(refused.AccountId, out var entry) && entry.Generation == refused.Generation)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(refused.AccountId, entry));
        }
    }

    /// <summary>Completes when a password is learned for the account (at once when one is known).</summary>
    public Task WhenKnownAsync(string accountId, CancellationToken cancellationToken)
    {
        var waiter = _learned.GetOrAdd(accountId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return Current(accountId) is not null ? Task.CompletedTask : waiter.Task.WaitAsync(cancellationToken);
    }

    private Entry? Current(string accountId)
    {
        if (!_entries.TryGetValue(accountId, out var entry))
        {
            return null;
        }

        if (entry.VerifiedAt + options.CredentialLifetime > time.GetUtcNow())
        {
            return entry;
        }

        _entries.TryRemove(new KeyValuePair<string, Entry>(accountId, entry));
        return null;
    }

    private static bool SameSecret(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private sealed record Entry(string Login, string Password, long Generation, DateTimeOffset VerifiedAt)
    {
        // A record prints its members: keep the password out of any log or debugger view.
        public override string ToString() => $"{Login} (generation {Generation})";
    }
}

/// <summary>What opens a user's sessions.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Login">The IMAP login.</param>
/// <param name="Password">The password.</param>
/// <param name="Generation">The vault's generation of this password.</param>
internal sealed record ImapCredentials(string AccountId, string Login, string Password, long Generation)
{
    public override string ToString() => $"{Login} (generation {Generation})";
}
