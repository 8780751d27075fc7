using System.Runtime.CompilerServices;
using Passerelle.Sdk.Accounts;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>
/// Accounts, domains and groups in <c>store.db</c>. A login is an address, an alias, or a bare local part
/// when exactly one account has it; anything else fails after the same key derivation as a wrong password.
/// </summary>
internal sealed class SqliteAccountDirectory(StoreDatabase database, PasswordHasher hasher) : IAccountDirectory
{
    public async Task<Account?> AuthenticateAsync(string login, string password, CancellationToken cancellationToken)
    {
        var candidate = await database.ReadAsync(session => FindLoginAsync(session, login.Trim().ToLowerInvariant()), cancellationToken);
        if (!hasher.Verify(password, candidate?.PasswordHash, out var needsUpgrade) || candidate is null)
        {
            return null;
        }

        if (needsUpgrade)
        {
            var upgraded = hasher.Hash(password);
            await database.WriteAsync(
                write => write.ExecuteAsync(
                    "UPDATE accounts SET password_hash = $hash WHERE id = $id AND password_hash = $old",
                    ("$hash", upgraded), ("$id", candidate.Id), ("$old", candidate.PasswordHash)),
                CancellationToken.None);
        }

        return await FindAccountAsync(candidate.Id, cancellationToken);
    }

    public Task<string?> GetCredentialStampAsync(string accountId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            session => session.ScalarAsync<string>("SELECT credential_stamp FROM accounts WHERE id = $id", ("$id", accountId.ToLowerInvariant())),
            cancellationToken);

    public Task<Account?> FindAccountAsync(string address, CancellationToken cancellationToken) =>
        database.ReadAsync(session => AccountQueries.FindByAddressAsync(session, address), cancellationToken);

    public async IAsyncEnumerable<Account> ListAccountsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var accounts = await database.ReadAsync(session => AccountQueries.ListAsync(session, domain), cancellationToken);
        foreach (var account in accounts)
        {
            yield return account;
        }
    }

    public Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            async session => await session.QueryAsync("SELECT name FROM domains ORDER BY name", reader => reader.GetString(0)),
            cancellationToken);

    public async IAsyncEnumerable<Group> ListGroupsAsync(string? domain, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var groups = await database.ReadAsync(session => AccountQueries.ListGroupsAsync(session, domain), cancellationToken);
        foreach (var group in groups)
        {
            yield return group;
        }
    }

    private static async Task<LoginCandidate?> FindLoginAsync(StoreSession session, string login)
    {
        var ids = login.Contains('@', StringComparison.Ordinal)
            ? await session.QueryAsync(
                "SELECT id FROM accounts WHERE id = $login UNION SELECT account_id FROM aliases WHERE address = $login",
                reader => reader.GetString(0), ("$login", login))
            : await session.QueryAsync(
                "SELECT id FROM accounts WHERE local_part = $login UNION SELECT account_id FROM aliases WHERE local_part = $login",
                reader => reader.GetString(0), ("$login", login));
        if (ids is not [var id])
        {
            return null; // unknown, or a bare local part that several domains share
        }

        return await session.SingleOrDefaultAsync(
            "SELECT id, password_hash FROM accounts WHERE id = $id",
            reader => new LoginCandidate(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)),
            ("$id", id));
    }

    private sealed record LoginCandidate(string Id, string? PasswordHash);
}
