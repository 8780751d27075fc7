using System.Globalization;
using Microsoft.Data.Sqlite;
using Passerelle.Sdk.Accounts;
using Passerelle.Store.Imap.State;

namespace Passerelle.Store.Imap.Accounts;

/// <summary>
/// The accounts that signed in through this server at least once. The IMAP server has no way to list its
/// users, so these are the accounts the directory can find and list.
/// </summary>
internal sealed class KnownAccounts(ImapStateDatabase database, TimeProvider time)
{
    public async Task RecordAsync(string accountId, string address, string login, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO accounts (id, address, login, first_seen, last_seen) VALUES ($id, $address, $login, $now, $now)
            ON CONFLICT (id) DO UPDATE SET login = excluded.login, last_seen = excluded.last_seen
            """;
        command.Parameters.AddWithValue("$id", accountId);
        command.Parameters.AddWithValue("$address", address);
        command.Parameters.AddWithValue("$login", login);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Account?> FindAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, address FROM accounts WHERE id = $id";
        command.Parameters.AddWithValue("$id", address.Trim().ToLowerInvariant());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The account whose IMAP login this is (what Dovecot's push events name).</summary>
    public async Task<string?> FindIdByLoginAsync(string login, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM accounts WHERE login = $login OR id = lower($login) ORDER BY last_seen DESC LIMIT 1";
        command.Parameters.AddWithValue("$login", login);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async IAsyncEnumerable<Account> ListAsync(string? domain, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = domain is null
            ? "SELECT id, address FROM accounts ORDER BY id"
            : "SELECT id, address FROM accounts WHERE id LIKE $suffix ESCAPE '\\' ORDER BY id";
        if (domain is not null)
        {
            var escaped = domain.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            command.Parameters.AddWithValue("$suffix", "%@" + escaped);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    public async Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken)
    {
        var domains = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var account in ListAsync(null, cancellationToken))
        {
            domains.Add(account.Domain.ToLowerInvariant());
        }

        return [.. domains];
    }

    /// <summary>An IMAP account as the directory shows it: the server knows no display name, so it is the address.</summary>
    public static Account AccountFor(string accountId, string address) => new(accountId, address, address);

    private static Account Read(SqliteDataReader reader) => AccountFor(reader.GetString(0), reader.GetString(1));
}
