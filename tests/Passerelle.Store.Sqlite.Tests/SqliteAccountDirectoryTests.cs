using Passerelle.Store.Sqlite.Accounts;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>Aliases, bare local parts and groups, which the contract leaves to each directory.</summary>
public sealed class SqliteAccountDirectoryTests
{
    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task Alias_SignsInAndFindsTheAccount_AndIsListedAfterThePrimaryAddress()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var id = await store.CreateAccountAsync("alice", "pw", "Alice");
        await store.Administration.AddAliasAsync(id, "Alice.Liddell@example.test", None);

        var account = await store.Accounts.AuthenticateAsync("alice.liddell@example.test", "pw", None);

        Assert.Equal(id, account?.Id);
        Assert.Equal(id, (await store.Accounts.FindAccountAsync("ALICE.LIDDELL@example.test", None))?.Id);
        Assert.Equal([id, "alice.liddell@example.test"], account!.Addresses);
    }

    [Fact]
    public async Task BareLocalPart_SignsIn_OnlyWhenOneAccountHasIt()
    {
        await using var store = await SqliteHarness.CreateAsync();
        await store.Administration.AddDomainAsync("other.test", None);
        await store.CreateAccountAsync("alice", "pw");
        await store.CreateAccountAsync("bob", "pw");
        await store.Administration.AddAccountAsync("bob@other.test", "pw", null, false, None);

        Assert.Equal("alice@example.test", (await store.Accounts.AuthenticateAsync("alice", "pw", None))?.Id);
        Assert.Null(await store.Accounts.AuthenticateAsync("bob", "pw", None));
        Assert.Equal("bob@other.test", (await store.Accounts.AuthenticateAsync("bob@other.test", "pw", None))?.Id);
    }

    [Fact]
    public async Task Groups_HaveMembersAndTheGalFlag_AndLoseRemovedMembers()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var alice = await store.CreateAccountAsync("alice");
        var bob = await store.CreateAccountAsync("bob");
        await store.Administration.AddGroupAsync("team@example.test", "The Team", membersInGal: true, [bob, alice], None);
        await store.Administration.AddGroupAsync("hidden@example.test", "Hidden", membersInGal: false, [alice], None);

        await store.RemoveAccountAsync(bob);

        var groups = new List<Sdk.Accounts.Group>();
        await foreach (var group in store.Accounts.ListGroupsAsync("example.test", None))
        {
            groups.Add(group);
        }

        Assert.Equal(["hidden@example.test", "team@example.test"], groups.Select(g => g.Address));
        Assert.False(groups[0].MembersInGal);
        Assert.True(groups[1].MembersInGal);
        Assert.Equal([alice], groups[1].Members);
        Assert.Equal("The Team", groups[1].DisplayName);
    }

    [Fact]
    public async Task Addresses_AreUniqueAcrossAccountsAliasesAndGroups()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var alice = await store.CreateAccountAsync("alice");
        await store.Administration.AddAliasAsync(alice, "boss@example.test", None);
        await store.Administration.AddGroupAsync("team@example.test", "Team", true, [], None);

        await Assert.ThrowsAsync<DirectoryException>(() => store.CreateAccountAsync("boss"));
        await Assert.ThrowsAsync<DirectoryException>(() => store.CreateAccountAsync("team"));
        await Assert.ThrowsAsync<DirectoryException>(() => store.Administration.AddAliasAsync(alice, "team@example.test", None));
        await Assert.ThrowsAsync<DirectoryException>(() => store.Administration.AddGroupAsync("alice@example.test", "x", true, [], None));
    }

    [Fact]
    public async Task AdminFlag_AndDisplayName_AreReported()
    {
        await using var store = await SqliteHarness.CreateAsync();
        var id = await store.CreateAccountAsync("root");

        await store.Administration.SetAdminAsync(id, true, None);
        await store.Administration.SetDisplayNameAsync(id, "The Administrator", None);

        var account = await store.Accounts.FindAccountAsync(id, None);
        Assert.True(account!.IsAdmin);
        Assert.Equal("The Administrator", account.DisplayName);
    }

    [Theory]
    [InlineData("Example.TEST", "example.test")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("mail.example.com.", "mail.example.com")]
    public void Domains_AreNormalised(string input, string expected) => Assert.Equal(expected, AddressSyntax.NormalizeDomain(input));

    [Theory]
    [InlineData("-bad.example")]
    [InlineData("under_score.example")]
    [InlineData("")]
    public void Domains_ThatAreNotHostNames_AreRefused(string input) => Assert.Null(AddressSyntax.NormalizeDomain(input));
}
