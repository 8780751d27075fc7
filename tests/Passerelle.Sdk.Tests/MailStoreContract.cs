using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

/// <summary>What every <see cref="IMailStore"/> must do. Parts: folders, messages, changes, search, and the change-tracking property.</summary>
public abstract partial class MailStoreContract : StoreContract
{
    private static CancellationToken None => CancellationToken.None;

    private IMailStore Mail => Store.Mail;

    /// <summary>A new account and its folder of a role.</summary>
    protected async Task<(string Account, string FolderId)> NewAccountWithFolderAsync(MailFolderRole role = MailFolderRole.Inbox)
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));
        var folders = await Mail.GetFoldersAsync(account, None);
        return (account, folders.Single(folder => folder.Role == role).Id);
    }

    /// <summary>Every message of a folder, read through its changes from the beginning in pages.</summary>
    protected async Task<(ChangeState State, Dictionary<string, MailMessage> Messages)> ListAsync(string account, string folderId, int pageSize = 1000)
    {
        var messages = new Dictionary<string, MailMessage>(StringComparer.Ordinal);
        ChangeState? state = null;
        FolderChanges<MailMessage> page;
        do
        {
            page = await Mail.GetChangesAsync(account, folderId, state, pageSize, None);
            foreach (var message in page.Changed)
            {
                messages[message.Id] = message;
            }

            foreach (var id in page.Removed)
            {
                messages.Remove(id);
            }

            state = page.State;
        }
        while (page.MoreAvailable);

        return (state.Value, messages);
    }

    private async Task<MailMessage> AppendAsync(string account, string folderId, string subject, MessageFlags flags = MessageFlags.None, string body = "Hello.", DateTimeOffset? receivedAt = null)
    {
        using var mime = TestMessages.Stream(subject, body);
        return await Mail.AppendAsync(account, folderId, mime, flags, receivedAt, None);
    }

    [Fact]
    public async Task GetFolders_NewAccount_HasTheSpecialFoldersAPhoneNeeds()
    {
        var account = await Store.CreateAccountAsync(UniqueName("mail"));

        var folders = await Mail.GetFoldersAsync(account, None);

        foreach (var role in new[] { MailFolderRole.Inbox, MailFolderRole.Drafts, MailFolderRole.Sent, MailFolderRole.Trash })
        {
            Assert.Single(folders, folder => folder.Role == role);
        }

        Assert.Equal(folders.Count, folders.Select(folder => folder.Id).Distinct().Count());
        Assert.Equal(folders.Select(f => f.Id), (await Mail.GetFoldersAsync(account, None)).Select(f => f.Id));
    }

    [Fact]
    public async Task Folders_OfAnotherAccount_AreNotFound()
    {
        var (_, inbox) = await NewAccountWithFolderAsync();
        var other = await Store.CreateAccountAsync(UniqueName("other"));
        await Mail.GetFoldersAsync(other, None);

        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.GetStateAsync(other, inbox, None));
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.GetChangesAsync(other, inbox, null, 10, None));
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => AppendAsync(other, inbox, "intrusion"));
    }
}
