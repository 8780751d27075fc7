using System.Security.Cryptography;
using Passerelle.Sdk.Accounts;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Accounts;

/// <summary>
/// Changes to the directory: domains, accounts, aliases, groups. What the CLI and the demo seeder call.
/// Every address is unique across accounts, aliases and groups. Bad input throws <see cref="DirectoryException"/>
/// before anything is written.
/// </summary>
internal sealed class AccountAdministration(StoreDatabase database, PasswordHasher hasher, AccountDataRemover remover)
{
    public Task<string> AddDomainAsync(string name, CancellationToken cancellationToken)
    {
        var domain = AddressSyntax.NormalizeDomain(name) ?? throw new DirectoryException($"'{name}' is not a domain name.");
        return database.WriteAsync(
            async write =>
            {
                if (await write.ScalarAsync<long>("SELECT count(*) FROM domains WHERE name = $name", ("$name", domain)) > 0)
                {
                    throw new DirectoryException($"The domain {domain} exists already.");
                }

                await write.ExecuteAsync("INSERT INTO domains (name, created_at) VALUES ($name, $now)", ("$name", domain), ("$now", UnixTime.ToMilliseconds(write.Now)));
                return domain;
            },
            cancellationToken);
    }

    /// <summary>Adds an account; without a password it exists (it receives mail) but cannot sign in.</summary>
    public async Task<Account> AddAccountAsync(string address, string? password, string? displayName, bool isAdmin, CancellationToken cancellationToken)
    {
        var (id, localPart, domain) = Parse(address);
        if (password is { Length: 0 })
        {
            throw new DirectoryException("The password is empty.");
        }

        var hash = password is null ? null : hasher.Hash(password);
        var name = string.IsNullOrWhiteSpace(displayName) ? localPart : displayName.Trim();
        await database.WriteAsync(
            async write =>
            {
                await RequireDomainAsync(write, domain);
                await RequireFreeAsync(write, id);
                await write.ExecuteAsync(
                    """
                    INSERT INTO accounts (id, domain, local_part, display_name, password_hash, credential_stamp, is_admin, created_at)
                    VALUES ($id, $domain, $local, $name, $hash, $stamp, $admin, $now)
                    """,
                    ("$id", id), ("$domain", domain), ("$local", localPart), ("$name", name), ("$hash", hash),
                    ("$stamp", NewStamp()), ("$admin", isAdmin ? 1 : 0), ("$now", UnixTime.ToMilliseconds(write.Now)));
                return 0;
            },
            cancellationToken);
        return new Account(id, id, name) { IsAdmin = isAdmin };
    }

    /// <summary>Sets a new password; the credential stamp changes, so cached sign-ins end at once.</summary>
    public async Task SetPasswordAsync(string address, string password, CancellationToken cancellationToken)
    {
        if (password.Length == 0)
        {
            throw new DirectoryException("The password is empty.");
        }

        var id = await RequireAccountIdAsync(address, cancellationToken);
        var hash = hasher.Hash(password);
        await database.WriteAsync(
            write => write.ExecuteAsync(
                "UPDATE accounts SET password_hash = $hash, credential_stamp = $stamp WHERE id = $id",
                ("$hash", hash), ("$stamp", NewStamp()), ("$id", id)),
            cancellationToken);
    }

    public async Task SetDisplayNameAsync(string address, string displayName, CancellationToken cancellationToken)
    {
        var id = await RequireAccountIdAsync(address, cancellationToken);
        await database.WriteAsync(
            write => write.ExecuteAsync("UPDATE accounts SET display_name = $name WHERE id = $id", ("$name", displayName.Trim()), ("$id", id)),
            cancellationToken);
    }

    public async Task SetAdminAsync(string address, bool isAdmin, CancellationToken cancellationToken)
    {
        var id = await RequireAccountIdAsync(address, cancellationToken);
        await database.WriteAsync(
            write => write.ExecuteAsync("UPDATE accounts SET is_admin = $admin WHERE id = $id", ("$admin", isAdmin ? 1 : 0), ("$id", id)),
            cancellationToken);
    }

    /// <summary>Removes an account with its mail, its groupware folders and its shares.</summary>
    public async Task RemoveAccountAsync(string address, CancellationToken cancellationToken)
    {
        var id = await RequireAccountIdAsync(address, cancellationToken);
        await database.WriteAsync(
            async write =>
            {
                await remover.RemoveAsync(write, id);
                await write.ExecuteAsync("DELETE FROM accounts WHERE id = $id", ("$id", id));
                return 0;
            },
            cancellationToken);
    }

    public async Task AddAliasAsync(string accountAddress, string alias, CancellationToken cancellationToken)
    {
        var id = await RequireAccountIdAsync(accountAddress, cancellationToken);
        var (aliasAddress, localPart, domain) = Parse(alias);
        await database.WriteAsync(
            async write =>
            {
                await RequireDomainAsync(write, domain);
                await RequireFreeAsync(write, aliasAddress);
                await write.ExecuteAsync(
                    "INSERT INTO aliases (address, account_id, local_part) VALUES ($address, $id, $local)",
                    ("$address", aliasAddress), ("$id", id), ("$local", localPart));
                return 0;
            },
            cancellationToken);
    }

    public Task RemoveAliasAsync(string alias, CancellationToken cancellationToken)
    {
        var (aliasAddress, _, _) = Parse(alias);
        return database.WriteAsync(
            async write => await write.ExecuteAsync("DELETE FROM aliases WHERE address = $address", ("$address", aliasAddress)) > 0
                ? 0
                : throw new DirectoryException($"There is no alias {aliasAddress}."),
            cancellationToken);
    }

    public async Task AddGroupAsync(string address, string displayName, bool membersInGal, IEnumerable<string> members, CancellationToken cancellationToken)
    {
        var (groupAddress, _, domain) = Parse(address);
        var memberIds = new List<string>();
        foreach (var member in members)
        {
            memberIds.Add(await RequireAccountIdAsync(member, cancellationToken));
        }

        await database.WriteAsync(
            async write =>
            {
                await RequireDomainAsync(write, domain);
                await RequireFreeAsync(write, groupAddress);
                await write.ExecuteAsync(
                    "INSERT INTO groups (address, domain, display_name, members_in_gal) VALUES ($address, $domain, $name, $gal)",
                    ("$address", groupAddress), ("$domain", domain), ("$name", displayName.Trim()), ("$gal", membersInGal ? 1 : 0));
                foreach (var member in memberIds.Distinct(StringComparer.Ordinal))
                {
                    await write.ExecuteAsync(
                        "INSERT INTO group_members (group_address, account_id) VALUES ($group, $member)",
                        ("$group", groupAddress), ("$member", member));
                }

                return 0;
            },
            cancellationToken);
    }

    public Task RemoveGroupAsync(string address, CancellationToken cancellationToken)
    {
        var (groupAddress, _, _) = Parse(address);
        return database.WriteAsync(
            async write => await write.ExecuteAsync("DELETE FROM groups WHERE address = $address", ("$address", groupAddress)) > 0
                ? 0
                : throw new DirectoryException($"There is no group {groupAddress}."),
            cancellationToken);
    }

    /// <summary>The account an address (primary or alias) belongs to.</summary>
    public async Task<string> RequireAccountIdAsync(string address, CancellationToken cancellationToken)
    {
        var account = await database.ReadAsync(session => AccountQueries.FindByAddressAsync(session, address), cancellationToken);
        return account?.Id ?? throw new DirectoryException($"There is no account {address.Trim().ToLowerInvariant()}.");
    }

    private static (string Address, string LocalPart, string Domain) Parse(string address) =>
        AddressSyntax.TryNormalizeAddress(address, out var normalized, out var localPart, out var domain)
            ? (normalized, localPart, domain)
            : throw new DirectoryException($"'{address}' is not an e-mail address.");

    private static async Task RequireDomainAsync(StoreWrite write, string domain)
    {
        if (await write.ScalarAsync<long>("SELECT count(*) FROM domains WHERE name = $name", ("$name", domain)) == 0)
        {
            throw new DirectoryException($"{domain} is not a local domain; add it first with: passerelle domain add {domain}");
        }
    }

    private static async Task RequireFreeAsync(StoreWrite write, string address)
    {
        var taken = await write.ScalarAsync<long>(
            """
            SELECT (SELECT count(*) FROM accounts WHERE id = $address)
                 + (SELECT count(*) FROM aliases WHERE address = $address)
                 + (SELECT count(*) FROM groups WHERE address = $address)
            """,
            ("$address", address));
        if (taken > 0)
        {
            throw new DirectoryException($"The address {address} is taken already.");
        }
    }

    private static string NewStamp() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
