using Passerelle.GroupwareAsMail.Tests.Infrastructure;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;
using static Passerelle.GroupwareAsMail.Tests.Infrastructure.GroupwarePhone;

namespace Passerelle.GroupwareAsMail.Tests.Http;

/// <summary>A change to a groupware item (by another device or on the server) shows in the mail view at the next sync, and wakes a waiting Ping.</summary>
public sealed class ServerChangesTests
{
    [Fact]
    public async Task TaskAddedOverNativeTasksByA161Device_WakesThe121Ping_ArrivesAsAdd_AndDeletingItRemovesIt()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        using var modern = await DemoHost.PhoneAsync(server, "NEWPHONE1", "16.1", "iPhone");
        var tasks = Subfolder(phone, "Tasks");
        var nativeTasks = modern.FolderOfType(7);
        await phone.SyncAllAsync(tasks, PlainBody);
        await modern.SyncAllAsync(nativeTasks);

        var ping = phone.Client.SendAsync("Ping", $"""<Ping xmlns="Ping:"><HeartbeatInterval>120</HeartbeatInterval><Folders><Folder><Id>{tasks}</Id><Class>Email</Class></Folder></Folders></Ping>""");
        var added = await modern.SyncAsync(nativeTasks, "<Add><ClientId>task-1</ClientId><ApplicationData><tasks:Subject>Call the plumber</tasks:Subject><tasks:Importance>0</tasks:Importance><tasks:Complete>0</tasks:Complete></ApplicationData></Add>");
        var woken = await ping.WaitAsync(TimeSpan.FromSeconds(30));
        var add = await phone.SyncAsync(tasks, options: PlainBody);
        var nativeId = EasPhone.Child(Assert.Single(Responses(added, "Add")), "ServerId");
        var deleted = await modern.SyncAsync(nativeTasks, $"<Delete><ServerId>{nativeId}</ServerId></Delete>");
        var delete = await phone.SyncAsync(tasks, options: PlainBody);

        Assert.Equal("1", deleted.Value("Status"));
        Assert.Equal("2", woken.Value("Status"));
        Assert.Equal(tasks, woken.Value("Folder"));
        var item = Assert.Single(EasPhone.Commands(add, "Add"));
        Assert.Equal("Call the plumber", EasPhone.Child(item, "Subject"));
        Assert.Equal("0", EasPhone.Child(item, "Importance"));
        Assert.Equal(EasPhone.Child(item, "ServerId"), EasPhone.Child(Assert.Single(EasPhone.Commands(delete, "Delete")), "ServerId"));
    }

    [Fact]
    public async Task NoteEditedOnTheServer_ArrivesAsAChange_WithItsNewTitle()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var notes = Subfolder(phone, "Notes");
        var serverId = EasPhone.Child(Assert.Single(await phone.SyncAllAsync(notes, PlainBody)), "ServerId");
        var note = (Note)await DemoHost.OnlyItemAsync(server, GroupwareKind.Notes);

        await DemoHost.Store(server).UpdateItemAsync(DemoHost.Alice, note.FolderId, note with { Subject = "Wi-Fi (new password)" }, CancellationToken.None);
        var answer = await phone.SyncAsync(notes, options: PlainBody);

        var change = Assert.Single(EasPhone.Commands(answer, "Change"));
        Assert.Equal(serverId, EasPhone.Child(change, "ServerId"));
        Assert.Equal("Wi-Fi (new password)", EasPhone.Child(change, "Subject"));
    }

    [Fact]
    public async Task NotesFolderCreatedOnTheServer_AppearsAtTheNextFolderSync()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        await DemoHost.Store(server).CreateFolderAsync(DemoHost.Alice, GroupwareKind.Notes, null, "Recipes", CancellationToken.None);
        await phone.FolderSyncAsync();

        Assert.Equal(["Files", "Notes", "Recipes", "Tasks"], Subfolders(phone));
    }
}
