using MailKit;
using Passerelle.Store.Imap.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

/// <summary>The phone's folder list over an IMAP account: special folders, and folders changed by another client.</summary>
public sealed class FolderHierarchyOverEasTests(MailServers servers) : IClassFixture<MailServers>
{
    [Fact]
    public async Task FolderCreatedRenamedAndDeletedOverImap_ShowsAtEachNextFolderSync()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "TREE1");
        await phone.SetupAsync();
        using var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password);
        var root = other.GetFolder(other.PersonalNamespaces[0]);

        var alpha = (await root.CreateAsync("Alpha", isMessageFolder: true))!;
        var created = await phone.FolderSyncAsync();
        await alpha.RenameAsync(root, "Beta");
        var renamed = await phone.FolderSyncAsync();
        var names = phone.Folders.Values.Select(folder => folder.DisplayName).ToList();
        await (await other.GetFolderAsync("Beta")).DeleteAsync();
        var deleted = await phone.FolderSyncAsync();

        Assert.Equal("1", created.Value("Status"));
        Assert.Equal(["Alpha"], created.All("Add").Select(add => EasPhone.Child(add, "DisplayName")));
        Assert.Equal("12", EasPhone.Child(created.All("Add").Single(), "Type")); // a user mail folder
        Assert.Contains("Beta", names);
        Assert.DoesNotContain("Alpha", names);
        Assert.NotEqual("0", renamed.Value("Count"));
        Assert.DoesNotContain(phone.Folders.Values, folder => folder.DisplayName is "Alpha" or "Beta");
        Assert.NotEqual("0", deleted.Value("Count"));
    }

    [Fact]
    public async Task SpecialUseAttributes_ComeBeforeCommonNames()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        using (var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password))
        {
            // Dovecot's \Sent is "Sent"; a folder merely named like a Sent folder stays a user folder.
            await other.GetFolder(other.PersonalNamespaces[0]).CreateAsync("Sent Items", isMessageFolder: true);
        }

        using var phone = new EasPhone(server, backend.Bob, backend.Password, "TREE2");
        await phone.SetupAsync();

        var types = phone.Folders.Values.ToDictionary(folder => folder.DisplayName, folder => folder.Type);
        Assert.Equal(2, types["Inbox"]); // INBOX, shown as mail clients show it
        Assert.Equal(5, types["Sent"]);
        Assert.Equal(12, types["Sent Items"]);
        Assert.Equal(3, types["Drafts"]);
        Assert.Equal(4, types["Trash"]);
        Assert.Equal(1, types.Values.Count(type => type is 2));
    }
}

/// <summary>Special folders on a server without SPECIAL-USE: found by their common names.</summary>
public sealed class SpecialFoldersByNameOverEasTests(MailServersWithoutSpecialUse servers) : IClassFixture<MailServersWithoutSpecialUse>
{
    [Fact]
    public async Task WithoutSpecialUse_SentItemsDeletedMessagesAndDrafts_AreKnownByName()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        using (var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password))
        {
            var root = other.GetFolder(other.PersonalNamespaces[0]);
            foreach (var name in new[] { "Sent Items", "Deleted Messages", "Drafts", "Projects" })
            {
                await root.CreateAsync(name, isMessageFolder: true);
            }
        }

        using var phone = new EasPhone(server, backend.Bob, backend.Password, "TREE3");
        await phone.SetupAsync();

        var types = phone.Folders.Values.ToDictionary(folder => folder.DisplayName, folder => folder.Type);
        Assert.Equal(5, types["Sent Items"]);
        Assert.Equal(4, types["Deleted Messages"]);
        Assert.Equal(3, types["Drafts"]);
        Assert.Equal(12, types["Projects"]);
        Assert.Equal(1, types.Values.Count(type => type is 5));
        Assert.Equal(1, types.Values.Count(type => type is 4));
    }
}
