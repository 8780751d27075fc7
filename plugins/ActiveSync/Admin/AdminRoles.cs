using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.State;
using Passerelle.Sdk.Accounts;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// Who administers Passerelle: accounts whose store says so (<see cref="Account.IsAdmin"/>), and accounts
/// granted the role here with <c>passerelle user admin EMAIL</c>, which works whatever the store (an IMAP
/// server has no roles). Read at each use, so that a grant applies to the running server at once.
/// </summary>
internal sealed class AdminRoles(StateDatabase database, IServiceProvider services, TimeProvider time)
{
    public async Task<bool> IsAdminAsync(Account account, CancellationToken cancellationToken) =>
        account.IsAdmin || await IsGrantedAsync(account.Id, cancellationToken);

    public async Task<bool> IsGrantedAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT 1 FROM admin_grants WHERE account_id = $account", cancellationToken, ("$account", accountId.ToLowerInvariant())) is not null;
    }

    /// <summary>Grants or revokes the role kept here; the store's own flag is left as it is.</summary>
    public async Task SetGrantAsync(string accountId, bool granted, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            granted
                ? "INSERT INTO admin_grants (account_id, granted_at) VALUES ($account, $now) ON CONFLICT (account_id) DO NOTHING"
                : "DELETE FROM admin_grants WHERE account_id = $account",
            cancellationToken, ("$account", accountId.ToLowerInvariant()), ("$now", SqliteExtensions.Text(time.GetUtcNow())));
    }

    /// <summary>Every administrator's account, for the notices they receive.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        var directory = services.GetService<IAccountDirectory>();
        if (directory is null)
        {
            return [];
        }

        var admins = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        await foreach (var account in directory.ListAccountsAsync(null, cancellationToken))
        {
            if (account.IsAdmin)
            {
                admins[account.Id] = account;
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT account_id FROM admin_grants ORDER BY account_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var granted = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            granted.Add(reader.GetString(0));
        }

        foreach (var id in granted.Where(id => !admins.ContainsKey(id)))
        {
            if (await directory.FindAccountAsync(id, cancellationToken) is { } account)
            {
                admins[account.Id] = account;
            }
        }

        return admins.Values.OrderBy(account => account.Id, StringComparer.Ordinal).ToList();
    }
}
