using System.Net;
using Passerelle.Sdk.Accounts;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests;

[Collection(MailServerCollection.Name)]
public sealed class ImapAccountDirectoryTests(MailServerFixture fixture)
{
    private ImapStoreHost Host => fixture.Host;

    [Fact]
    public async Task SignIn_AddressAndImapPassword_SucceedsWithoutAnyUserAdd()
    {
        var address = await fixture.Dovecot.AddUserAsync("Phone" + Guid.NewGuid().ToString("N")[..8], "imap-secret");

        var result = await Host.SignIn.SignInAsync(address.ToUpperInvariant(), "imap-secret", IPAddress.Loopback, CancellationToken.None);

        Assert.Equal(SignInOutcome.Succeeded, result.Outcome);
        Assert.Equal(address, result.Account!.Id);
        Assert.Equal("example.test", result.Account.Domain);
        Assert.NotNull(await Host.Accounts.FindAccountAsync(address.ToUpperInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task SignIn_WrongPassword_Fails()
    {
        var address = await fixture.Dovecot.AddUserAsync("wrong" + Guid.NewGuid().ToString("N")[..8], "right");

        Assert.Null(await Host.Accounts.AuthenticateAsync(address, "wrong", CancellationToken.None));
        Assert.Null(await Host.Accounts.GetCredentialStampAsync(address, CancellationToken.None));
        Assert.Null(await Host.Accounts.FindAccountAsync(address, CancellationToken.None));
    }

    [Fact]
    public async Task SignIn_NotAnAddress_FailsWithoutAskingTheServer()
    {
        var before = await File.ReadAllTextAsync(fixture.Dovecot.LogPath);

        Assert.Null(await Host.Accounts.AuthenticateAsync("dovecot", "anything", CancellationToken.None));

        Assert.Equal(before.Length, (await File.ReadAllTextAsync(fixture.Dovecot.LogPath)).Length);
    }

    [Fact]
    public async Task RefusedPassword_RetriedByAPhone_IsNotSentToTheServerAgain()
    {
        var address = await fixture.Dovecot.AddUserAsync("retry" + Guid.NewGuid().ToString("N")[..8], "right");
        Assert.Null(await Host.Accounts.AuthenticateAsync(address, "wrong", CancellationToken.None));
        var attempts = CountLoginFailures(await File.ReadAllTextAsync(fixture.Dovecot.LogPath), address);

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await Host.Accounts.AuthenticateAsync(address, "wrong", CancellationToken.None));
        }

        Assert.Equal(attempts, CountLoginFailures(await File.ReadAllTextAsync(fixture.Dovecot.LogPath), address));
        Assert.NotNull(await Host.Accounts.AuthenticateAsync(address, "right", CancellationToken.None));
    }

    [Fact]
    public async Task CredentialStamp_SamePasswordAgain_StaysTheSame_NewPasswordChangesIt()
    {
        var account = await Host.NewAccountAsync(fixture.Dovecot, "stamp");
        var first = await Host.Accounts.GetCredentialStampAsync(account.Id, CancellationToken.None);

        Assert.NotNull(await Host.Accounts.AuthenticateAsync(account.Id, account.Password, CancellationToken.None));
        var second = await Host.Accounts.GetCredentialStampAsync(account.Id, CancellationToken.None);
        await fixture.Dovecot.SetPasswordAsync(account.Id, "changed-on-the-server");
        Assert.Null(await Host.Accounts.AuthenticateAsync(account.Id, account.Password, CancellationToken.None));
        Assert.NotNull(await Host.Accounts.AuthenticateAsync(account.Id, "changed-on-the-server", CancellationToken.None));
        var third = await Host.Accounts.GetCredentialStampAsync(account.Id, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task ListAccounts_AreThoseThatSignedIn_OrderedByAddress()
    {
        var b = await Host.NewAccountAsync(fixture.Dovecot, "zlist");
        var a = await Host.NewAccountAsync(fixture.Dovecot, "alist");

        var accounts = new List<string>();
        await foreach (var account in Host.Accounts.ListAccountsAsync(Dovecot.Domain, CancellationToken.None))
        {
            accounts.Add(account.Id);
        }

        Assert.Contains(a.Id, accounts);
        Assert.Contains(b.Id, accounts);
        Assert.Equal(accounts.Order(StringComparer.Ordinal), accounts);
        Assert.Contains(Dovecot.Domain, await Host.Accounts.ListDomainsAsync(CancellationToken.None));
    }

    private static int CountLoginFailures(string log, string address) =>
        log.Split('\n').Count(line => line.Contains("auth failed", StringComparison.OrdinalIgnoreCase) && line.Contains(address, StringComparison.Ordinal)
            || line.Contains("Disconnected (auth failed", StringComparison.Ordinal) && line.Contains(address, StringComparison.Ordinal));
}
