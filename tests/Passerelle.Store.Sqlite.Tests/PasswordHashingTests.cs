using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Store.Sqlite.Accounts;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>How passwords are kept and checked, with the plugin's real settings.</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public async Task StoredHash_IsPbkdf2Sha256_AtLeast600000Iterations_WithARandomSalt()
    {
        await using var store = await SqliteHarness.CreateAsync(fastPasswordHashing: false);
        await store.CreateAccountAsync("alice", "same password");
        await store.CreateAccountAsync("bob", "same password");

        var hashes = await ReadHashesAsync(store);

        Assert.All(hashes, hash =>
        {
            var parts = hash.Split('$');
            Assert.Equal("pbkdf2-sha256", parts[0]);
            Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 600_000);
            Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
            Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        });
        Assert.NotEqual(hashes[0], hashes[1]);
    }

    [Fact]
    public async Task UnknownLogin_CostsOneKeyDerivation_LikeAWrongPassword()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var hasher = store.Services.GetRequiredService<PasswordHasher>();
        var id = await store.CreateAccountAsync("alice", "right");
        var noPassword = await store.CreateAccountAsync("mailbox");
        var cases = new[] { (id, "wrong"), ("nobody@example.test", "wrong"), ("nobody", "wrong"), (noPassword, "anything"), ("", "") };

        foreach (var (login, password) in cases)
        {
            var before = hasher.Derivations;
            Assert.Null(await store.Accounts.AuthenticateAsync(login, password, CancellationToken.None));
            Assert.Equal(before + 1, hasher.Derivations);
        }
    }

    [Fact]
    public async Task RaisedIterationCount_UpgradesTheHashAtTheNextSignIn_WithoutChangingTheStamp()
    {
        var store = await SqliteHarness.CreateAsync();
        var id = await store.CreateAccountAsync("alice", "pw");
        var stamp = await store.Accounts.GetCredentialStampAsync(id, CancellationToken.None);
        await store.DisposeAsync();

        await using var raised = await SqliteHarness.CreateAsync(store.DataDirectory, fastPasswordHashing: false);
        Assert.NotNull(await raised.Accounts.AuthenticateAsync(id, "pw", CancellationToken.None));

        Assert.StartsWith("pbkdf2-sha256$600000$", Assert.Single(await ReadHashesAsync(raised)), StringComparison.Ordinal);
        Assert.Equal(stamp, await raised.Accounts.GetCredentialStampAsync(id, CancellationToken.None));
        Assert.NotNull(await raised.Accounts.AuthenticateAsync(id, "pw", CancellationToken.None));
    }

    [Fact]
    public void Configuration_BelowTheMinimum_IsRefusedWithTheFix()
    {
        var options = new StoreSqliteOptions { PasswordIterations = 100_000 };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("PasswordIterations", error.Message, StringComparison.Ordinal);
        Assert.Contains("600000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_AreComparedAfterUnicodeNormalisation()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var id = await store.CreateAccountAsync("zoe", "Zo\u00eb");

        Assert.NotNull(await store.Accounts.AuthenticateAsync(id, "Zoe\u0308", CancellationToken.None));
    }

    private static async Task<List<string>> ReadHashesAsync(SqliteHarness store)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(store.DataDirectory, "store.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM accounts WHERE password_hash IS NOT NULL ORDER BY id";
        var hashes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }
}
