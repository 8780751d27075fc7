using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Tests;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>
/// The contract suites' view of the IMAP store in a test host. Accounts are the Dovecot server's; an account
/// becomes known to the store the way it does in production, by signing in once, which creating one here does.
/// </summary>
internal sealed class ImapHarness(Dovecot dovecot, ImapStoreHost host) : IStoreHarness
{
    public IAccountDirectory Accounts => host.Accounts;

    public IMailStore Mail => host.Mail;

    public IGroupwareStore Groupware => host.Server.Services.GetRequiredService<IGroupwareStore>();

    public IChangeFeed Feed => host.Feed;

    public string Domain => Dovecot.Domain;

    public async Task<string> CreateAccountAsync(string localPart, string? password = null, string? displayName = null)
    {
        password ??= "pw-" + Guid.NewGuid().ToString("N")[..12];
        var address = await dovecot.AddUserAsync(localPart, password);
        var account = await Accounts.AuthenticateAsync(address, password, CancellationToken.None)
            ?? throw new InvalidOperationException($"{address} could not sign in.");
        return account.Id;
    }

    public Task SetPasswordAsync(string accountId, string password) => dovecot.SetPasswordAsync(accountId, password);

    public Task RemoveAccountAsync(string accountId) => dovecot.RemoveUserAsync(accountId);

    public Task ShareGroupwareFolderAsync(string ownerId, string folderId, string granteeId, FolderAccess access) =>
        throw new NotSupportedException("Groupware sharing is the groupware store's; the IMAP store serves mail only.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
