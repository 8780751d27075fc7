namespace Passerelle.Sdk.Tests;

/// <summary>What every <see cref="Accounts.IAccountDirectory"/> must do.</summary>
public abstract class AccountDirectoryContract : StoreContract
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Authenticate_RightPassword_ReturnsTheAccount()
    {
        var id = await Store.CreateAccountAsync(UniqueName("alice"), Password, "Alice Example");

        var account = await Store.Accounts.AuthenticateAsync(id, Password, CancellationToken.None);

        Assert.NotNull(account);
        Assert.Equal(id, account.Id);
        Assert.Equal(id, account.Address, ignoreCase: true);
        Assert.Equal("Alice Example", account.DisplayName);
        Assert.Equal(Store.Domain, account.Domain, ignoreCase: true);
    }

    [Fact]
    public async Task Account_Id_IsThePrimaryAddressInLowerCase()
    {
        var id = await Store.CreateAccountAsync(UniqueName("Carol"), Password);

        var account = await Store.Accounts.FindAccountAsync(id.ToUpperInvariant(), CancellationToken.None);

        Assert.NotNull(account);
        Assert.Equal(account.Address.ToLowerInvariant(), account.Id);
        Assert.Equal(account.Address, account.Addresses[0]);
    }

    [Fact]
    public async Task Authenticate_WrongPassword_ReturnsNull()
    {
        var id = await Store.CreateAccountAsync(UniqueName("bob"), Password);

        Assert.Null(await Store.Accounts.AuthenticateAsync(id, Password + "!", CancellationToken.None));
        Assert.Null(await Store.Accounts.AuthenticateAsync(id, "", CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_UnknownLogin_ReturnsNull()
    {
        Assert.Null(await Store.Accounts.AuthenticateAsync($"{UniqueName("nobody")}@{Store.Domain}", Password, CancellationToken.None));
    }

    [Fact]
    public async Task PasswordChange_ChangesTheStamp_AndOnlyTheNewPasswordWorks()
    {
        var id = await Store.CreateAccountAsync(UniqueName("dave"), Password);
        var before = await Store.Accounts.GetCredentialStampAsync(id, CancellationToken.None);

        await Store.SetPasswordAsync(id, "a new password");

        var after = await Store.Accounts.GetCredentialStampAsync(id, CancellationToken.None);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        Assert.Null(await Store.Accounts.AuthenticateAsync(id, Password, CancellationToken.None));
        Assert.NotNull(await Store.Accounts.AuthenticateAsync(id, "a new password", CancellationToken.None));
    }

    [Fact]
    public async Task CredentialStamp_IsStableWithoutChanges()
    {
        var id = await Store.CreateAccountAsync(UniqueName("erin"), Password);

        var first = await Store.Accounts.GetCredentialStampAsync(id, CancellationToken.None);
        await Store.Accounts.AuthenticateAsync(id, Password, CancellationToken.None);
        var second = await Store.Accounts.GetCredentialStampAsync(id, CancellationToken.None);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RemovedAccount_HasNoStamp_AndCannotSignIn()
    {
        var id = await Store.CreateAccountAsync(UniqueName("frank"), Password);

        await Store.RemoveAccountAsync(id);

        Assert.Null(await Store.Accounts.GetCredentialStampAsync(id, CancellationToken.None));
        Assert.Null(await Store.Accounts.AuthenticateAsync(id, Password, CancellationToken.None));
        Assert.Null(await Store.Accounts.FindAccountAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task FindAccount_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.Accounts.FindAccountAsync($"{UniqueName("ghost")}@{Store.Domain}", CancellationToken.None));
    }

    [Fact]
    public async Task ListAccounts_OfTheDomain_AreOrderedByAddress()
    {
        var zed = await Store.CreateAccountAsync("z" + UniqueName("list"));
        var abe = await Store.CreateAccountAsync("a" + UniqueName("list"));

        var accounts = new List<string>();
        await foreach (var account in Store.Accounts.ListAccountsAsync(Store.Domain, CancellationToken.None))
        {
            accounts.Add(account.Id);
        }

        Assert.Contains(zed, accounts);
        Assert.Contains(abe, accounts);
        Assert.Equal(accounts.Order(StringComparer.Ordinal), accounts);
    }

    [Fact]
    public async Task ListDomains_ContainsTheAccountsDomainInLowerCase()
    {
        await Store.CreateAccountAsync(UniqueName("gina"));

        var domains = await Store.Accounts.ListDomainsAsync(CancellationToken.None);

        Assert.Contains(Store.Domain.ToLowerInvariant(), domains);
        Assert.All(domains, domain => Assert.Equal(domain.ToLowerInvariant(), domain));
    }
}
