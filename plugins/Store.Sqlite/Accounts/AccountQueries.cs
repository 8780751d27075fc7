using Passerelle.Sdk.Accounts;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>Reads accounts and groups with their addresses.</summary>
internal static class AccountQueries
{
    private const string AccountColumns = "a.id, a.display_name, a.is_admin, (SELECT json_group_array(address) FROM (SELECT address FROM aliases WHERE account_id = a.id ORDER BY address)) AS aliases";

    public static Task<Account?> FindByAddressAsync(StoreSession session, string address)
    {
        var key = address.Trim().ToLowerInvariant();
        return session.SingleOrDefaultAsync(
            $"SELECT {AccountColumns} FROM accounts a WHERE a.id = $address OR a.id = (SELECT account_id FROM aliases WHERE address = $address)",
            Read,
            ("$address", key));
    }

    public static async Task<IReadOnlyList<Account>> ListAsync(StoreSession session, string? domain) =>
        await session.QueryAsync(
            $"SELECT {AccountColumns} FROM accounts a WHERE $domain IS NULL OR a.domain = $domain ORDER BY a.id",
            Read,
            ("$domain", domain?.Trim().ToLowerInvariant()));

    public static async Task<IReadOnlyList<Group>> ListGroupsAsync(StoreSession session, string? domain) =>
        await session.QueryAsync(
            """
            SELECT g.address, g.display_name, g.members_in_gal,
                   (SELECT json_group_array(account_id) FROM (SELECT account_id FROM group_members WHERE group_address = g.address ORDER BY account_id)) AS members
            FROM groups g WHERE $domain IS NULL OR g.domain = $domain ORDER BY g.address
            """,
            reader => new Group(
                reader.GetString(0),
                reader.GetString(1),
                System.Text.Json.JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
                reader.GetInt64(2) != 0),
            ("$domain", domain?.Trim().ToLowerInvariant()));

    private static Account Read(Microsoft.Data.Sqlite.SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var aliases = System.Text.Json.JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [];
        return new Account(id, id, reader.GetString(1))
        {
            Addresses = [id, .. aliases],
            IsAdmin = reader.GetInt64(2) != 0,
        };
    }
}
