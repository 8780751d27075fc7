using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Imap.Tests.Infrastructure;
using Passerelle.Testing;
using FolderAccess = MailKit.FolderAccess;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

/// <summary>
/// GroupwareAsMail with <c>WriteToImap</c>: a user's notes written as messages into the real IMAP folder
/// Groupware/Notes, as an ordinary IMAP client sees it, kept in step with the note, and not written twice
/// after a restart; with the setting off, nothing is written.
/// </summary>
public sealed class GroupwareWrittenToImapTests(MailServers servers) : IClassFixture<MailServers>
{
    private const string NoFolder = "(no such folder)";

    [Fact]
    public async Task WriteToImap_NoteIsWrittenReplacedAndRemoved_AndARestartDoesNotDuplicateIt()
    {
        var (address, password) = await NewUserAsync();
        var data = TestPaths.NewTemporaryDirectory("data");
        var settings = Settings(writeToImap: true);
        var server = await PasserelleServer.StartAsync(settings, data);
        try
        {
            using var phone = new EasPhone(server, address, password, "OLDPHONE1", "SAMSUNGSMG900", "12.1");
            await phone.SetupAsync(); // the first sign-in: the IMAP store now knows the password
            var note = (Note)await Store(server).CreateItemAsync(address, await NotesFolderAsync(server, address), new Note { Subject = "Wi-Fi", Body = "password: swordfish" }, CancellationToken.None);
            (await server.RunCliAsync("gwmail", "on", "--user", address)).Ok();
            using var imap = await ImapMailBackend.ConnectAsync(servers.Dovecot, address, password);

            await Eventually.MatchesAsync(() => NotesAsync(imap), notes => notes == "Wi-Fi");
            Assert.Contains("password: swordfish", await OnlyBodyAsync(imap));

            // The phone sees the written folders once, as ordinary mail folders: the plugin offers no virtual copy.
            await phone.FolderSyncAsync();
            Assert.Single(phone.Folders.Values, f => f.DisplayName == "Groupware");
            var notesFolder = Assert.Single(phone.Folders.Values, f => f.DisplayName == "Notes");
            Assert.Equal(12, notesFolder.Type);

            note = (Note)await Store(server).UpdateItemAsync(address, note.FolderId, note with { Subject = "Wi-Fi (new password)", Body = "password: tuna" }, CancellationToken.None);
            await Eventually.MatchesAsync(() => NotesAsync(imap), notes => notes == "Wi-Fi (new password)");
            Assert.Contains("password: tuna", await OnlyBodyAsync(imap));
            var written = await UidsAsync(imap, "Notes");

            await server.DisposeAsync();
            server = await PasserelleServer.StartAsync(settings, data);
            using var again = new EasPhone(server, address, password, "OLDPHONE2", "SAMSUNGSMG900", "12.1");
            await again.SetupAsync();
            await Store(server).CreateItemAsync(address, note.FolderId, new Note { Subject = "Alarm code" }, CancellationToken.None);
            await Eventually.MatchesAsync(() => NotesAsync(imap), notes => notes == "Wi-Fi (new password) | Alarm code");
            Assert.Contains(written.Single(), await UidsAsync(imap, "Notes")); // the unchanged note was not written again
            note = (Note)await Store(server).UpdateItemAsync(address, note.FolderId, note with { Subject = "Wi-Fi (after restart)" }, CancellationToken.None);
            await Eventually.MatchesAsync(() => NotesAsync(imap), notes => notes == "Alarm code | Wi-Fi (after restart)");

            await Store(server).DeleteItemAsync(address, note.FolderId, note.Id, CancellationToken.None);
            await Eventually.MatchesAsync(() => NotesAsync(imap), notes => notes == "Alarm code");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task WriteToImap_RenamedAndDeletedFolders_AndTheSwitchTurnedOff_AreFollowedInImap()
    {
        var (address, password) = await NewUserAsync();
        await using var server = await PasserelleServer.StartAsync(Settings(writeToImap: true));
        using var phone = new EasPhone(server, address, password, "OLDPHONE1", "SAMSUNGSMG900", "12.1");
        await phone.SetupAsync();
        var recipes = await Store(server).CreateFolderAsync(address, GroupwareKind.Notes, null, "Recipes", CancellationToken.None);
        await Store(server).CreateItemAsync(address, recipes.Id, new Note { Subject = "Bread" }, CancellationToken.None);
        (await server.RunCliAsync("gwmail", "on", "--user", address)).Ok();
        using var imap = await ImapMailBackend.ConnectAsync(servers.Dovecot, address, password);

        await Eventually.MatchesAsync(() => SubjectsAsync(imap, "Recipes"), notes => notes == "Bread");
        await Store(server).UpdateFolderAsync(address, recipes.Id, null, "Cooking", CancellationToken.None);
        await Eventually.MatchesAsync(() => SubfoldersAsync(imap), names => names == "Cooking | Files | Notes | Tasks");
        // Read right after the rename, Dovecot may still show the folder's messages twice: wait for the settled view.
        await Eventually.MatchesAsync(() => SubjectsAsync(imap, "Cooking"), notes => notes == "Bread");
        await Store(server).DeleteFolderAsync(address, recipes.Id, CancellationToken.None);
        await Eventually.MatchesAsync(() => SubfoldersAsync(imap), names => names == "Files | Notes | Tasks");
        (await server.RunCliAsync("gwmail", "off", "--user", address)).Ok();
        await Eventually.MatchesAsync(() => SubfoldersAsync(imap), names => names == NoFolder);
    }

    [Fact]
    public async Task WriteToImapOff_TheVirtualFoldersAreShown_AndNothingIsWritten()
    {
        var (address, password) = await NewUserAsync();
        await using var server = await PasserelleServer.StartAsync(Settings(writeToImap: false));
        using var phone = new EasPhone(server, address, password, "OLDPHONE1", "SAMSUNGSMG900", "12.1");
        await phone.SetupAsync();
        await Store(server).CreateItemAsync(address, await NotesFolderAsync(server, address), new Note { Subject = "Wi-Fi" }, CancellationToken.None);
        (await server.RunCliAsync("gwmail", "on", "--user", address)).Ok();

        await phone.FolderSyncAsync();
        using var imap = await ImapMailBackend.ConnectAsync(servers.Dovecot, address, password);

        Assert.Single(phone.Folders.Values, f => f.DisplayName == "Notes");
        Assert.Null(await GroupwareAsync(imap));
    }

    private Dictionary<string, string?> Settings(bool writeToImap)
    {
        var settings = ImapStoreHost.Settings(servers.Dovecot, servers.Postfix);
        if (writeToImap)
        {
            settings["Plugins:GroupwareAsMail:WriteToImap"] = "true";
            settings["Plugins:GroupwareAsMail:WriteInterval"] = "00:00:00.200";
        }

        return settings;
    }

    private async Task<(string Address, string Password)> NewUserAsync()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        return (await servers.Dovecot.AddUserAsync("gw" + Guid.NewGuid().ToString("N")[..10], password), password);
    }

    private static IGroupwareStore Store(PasserelleServer server) => server.Services.GetServices<IGroupwareStore>().Last();

    private static async Task<string> NotesFolderAsync(PasserelleServer server, string address) =>
        (await Store(server).GetFoldersAsync(address, CancellationToken.None)).Single(f => f.Kind == GroupwareKind.Notes && f.Role == GroupwareFolderRole.Default).Id;

    private static Task<string> NotesAsync(ImapClient imap) => SubjectsAsync(imap, "Notes");

    /// <summary>The subjects in a subfolder of Groupware as an IMAP client lists them, in arrival order, or <see cref="NoFolder"/>.</summary>
    private static async Task<string> SubjectsAsync(ImapClient imap, string name)
    {
        if (await SubfolderAsync(imap, name) is not { } notes)
        {
            return NoFolder;
        }

        await notes.OpenAsync(FolderAccess.ReadOnly);
        var subjects = notes.Count == 0 ? [] : (await notes.FetchAsync(0, -1, MessageSummaryItems.Envelope)).Select(m => m.Envelope?.Subject ?? "").ToList();
        await notes.CloseAsync();
        return string.Join(" | ", subjects);
    }

    /// <summary>The names of Groupware's subfolders, or <see cref="NoFolder"/>.</summary>
    private static async Task<string> SubfoldersAsync(ImapClient imap) =>
        await GroupwareAsync(imap) is { } groupware
            ? string.Join(" | ", (await groupware.GetSubfoldersAsync()).Select(f => f.Name).Order(StringComparer.Ordinal))
            : NoFolder;

    private static async Task<IList<UniqueId>> UidsAsync(ImapClient imap, string name)
    {
        var folder = (await SubfolderAsync(imap, name))!;
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var uids = await folder.SearchAsync(MailKit.Search.SearchQuery.All);
        await folder.CloseAsync();
        return uids;
    }

    private static async Task<string> OnlyBodyAsync(ImapClient imap)
    {
        var notes = (await SubfolderAsync(imap, "Notes"))!;
        await notes.OpenAsync(FolderAccess.ReadOnly);
        var message = await notes.GetMessageAsync(Assert.Single(await notes.SearchAsync(MailKit.Search.SearchQuery.All)));
        await notes.CloseAsync();
        return message.TextBody ?? "";
    }

    private static async Task<IMailFolder?> GroupwareAsync(ImapClient imap) =>
        (await imap.GetFolder(imap.PersonalNamespaces[0]).GetSubfoldersAsync()).FirstOrDefault(f => f.Name == "Groupware");

    private static async Task<IMailFolder?> SubfolderAsync(ImapClient imap, string name) =>
        await GroupwareAsync(imap) is { } groupware ? (await groupware.GetSubfoldersAsync()).FirstOrDefault(f => f.Name == name) : null;
}
