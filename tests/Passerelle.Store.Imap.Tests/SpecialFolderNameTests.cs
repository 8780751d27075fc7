using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests;

/// <summary>A server without SPECIAL-USE mailboxes: roles come from common names, and missing ones are created.</summary>
[Collection(PlainServerCollection.Name)]
public sealed class SpecialFolderNameTests(PlainServerFixture fixture)
{
    [Fact]
    public async Task SpecialFolders_WithoutSpecialUse_AreFoundByTheirCommonNames()
    {
        var account = await fixture.Host.NewAccountAsync(fixture.Dovecot);
        using var other = await OtherClient.ConnectAsync(fixture.Dovecot, account);
        var root = other.GetFolder(other.PersonalNamespaces[0]);
        foreach (var name in new[] { "Sent Items", "Deleted Items", "Spam", "Archive", "Draft" })
        {
            await root.CreateAsync(name, true);
        }

        var folders = await fixture.Host.Mail.GetFoldersAsync(account.Id, CancellationToken.None);

        Assert.Equal("Sent Items", folders.Single(f => f.Role == MailFolderRole.Sent).Id);
        Assert.Equal("Deleted Items", folders.Single(f => f.Role == MailFolderRole.Trash).Id);
        Assert.Equal("Spam", folders.Single(f => f.Role == MailFolderRole.Junk).Id);
        Assert.Equal("Archive", folders.Single(f => f.Role == MailFolderRole.Archive).Id);
        Assert.Equal("Draft", folders.Single(f => f.Role == MailFolderRole.Drafts).Id);
        Assert.Equal(6, folders.Count);
    }

    [Fact]
    public async Task GetFolders_RequiredSpecialFoldersMissing_CreatesThemOnce()
    {
        var account = await fixture.Host.NewAccountAsync(fixture.Dovecot);
        using var other = await OtherClient.ConnectAsync(fixture.Dovecot, account);
        Assert.Single(await other.GetFoldersAsync(other.PersonalNamespaces[0]));

        var first = await fixture.Host.Mail.GetFoldersAsync(account.Id, CancellationToken.None);
        var second = await fixture.Host.Mail.GetFoldersAsync(account.Id, CancellationToken.None);

        Assert.Equal(["INBOX", "Drafts", "Sent", "Trash"], first.Select(f => f.Id));
        Assert.Equal([MailFolderRole.Inbox, MailFolderRole.Drafts, MailFolderRole.Sent, MailFolderRole.Trash], first.Select(f => f.Role));
        Assert.Equal(first, second);
        Assert.Equal(4, (await other.GetFoldersAsync(other.PersonalNamespaces[0])).Count);
    }
}
