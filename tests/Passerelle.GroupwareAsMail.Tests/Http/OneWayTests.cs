using Passerelle.GroupwareAsMail.Tests.Infrastructure;
using Passerelle.Sdk.Groupware;
using Passerelle.Testing;
using static Passerelle.GroupwareAsMail.Tests.Infrastructure.GroupwarePhone;

namespace Passerelle.GroupwareAsMail.Tests.Http;

/// <summary>Server to device only: what a phone changes in these folders is refused per item and comes back; nothing is lost.</summary>
public sealed class OneWayTests
{
    private const string FlagIt = "<email:Flag><email:Status>2</email:Status><email:FlagType>Follow up</email:FlagType></email:Flag>";

    [Fact]
    public async Task ChangeAndDelete_OfTheNote_AreRefusedPerItem_AndItComesBack_AnotherDeviceSeesItUnchanged()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var notes = Subfolder(phone, "Notes");
        var serverId = EasPhone.Child(Assert.Single(await phone.SyncAllAsync(notes, PlainBody)), "ServerId")!;

        var change = await phone.SyncAsync(notes, $"<Change><ServerId>{serverId}</ServerId><ApplicationData>{FlagIt}</ApplicationData></Change>", PlainBody, getChanges: false);
        var changeRefused = Assert.Single(Responses(change, "Change"));
        var restored = await phone.SyncAsync(notes, options: PlainBody);
        var delete = await phone.SyncAsync(notes, $"<Delete><ServerId>{serverId}</ServerId></Delete>", PlainBody, getChanges: false);
        var deleteRefused = Assert.Single(Responses(delete, "Delete"));
        var back = await phone.SyncAsync(notes, options: PlainBody);

        Assert.Equal("7", EasPhone.Child(changeRefused, "Status"));
        var sentBack = Assert.Single(EasPhone.Commands(restored, "Change"));
        Assert.Equal(serverId, EasPhone.Child(sentBack, "ServerId"));
        Assert.Equal("Wi-Fi at the office", EasPhone.Child(sentBack, "Subject"));
        Assert.Equal("7", EasPhone.Child(deleteRefused, "Status"));
        Assert.Equal("Wi-Fi at the office", EasPhone.Child(Assert.Single(EasPhone.Commands(back, "Add")), "Subject"));
        using var other = await DemoHost.PhoneAsync(server, "OLDPHONE2", "12.1");
        var seen = Assert.Single(await other.SyncAllAsync(Subfolder(other, "Notes"), PlainBody));
        Assert.Equal("Wi-Fi at the office", EasPhone.Child(seen, "Subject"));
        Assert.Equal("The network details are attached.", EasPhone.Child(seen, "Data")!.Trim());
        Assert.Equal("network.txt", EasPhone.Child(seen, "DisplayName"));
        var stored = (Note)await DemoHost.OnlyItemAsync(server, GroupwareKind.Notes);
        Assert.Equal("Wi-Fi at the office", stored.Subject);
    }

    [Fact]
    public async Task Read_IsAccepted_AndKeptForThatDeviceOnly()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var tasks = Subfolder(phone, "Tasks");
        var serverId = EasPhone.Child(Assert.Single(await phone.SyncAllAsync(tasks, PlainBody)), "ServerId")!;

        var read = await phone.SyncAsync(tasks, $"<Change><ServerId>{serverId}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>", PlainBody);

        Assert.Equal("1", read.Value("Status"));
        Assert.Empty(Responses(read, "Change"));
        Assert.Empty(EasPhone.Commands(read, "Change"));
        phone.Keys.Remove(tasks); // a fresh listing of the same device shows what the server kept
        Assert.Equal("1", EasPhone.Child(Assert.Single(await phone.SyncAllAsync(tasks, PlainBody)), "Read"));
        using var other = await DemoHost.PhoneAsync(server, "OLDPHONE2", "12.1");
        Assert.Equal("0", EasPhone.Child(Assert.Single(await other.SyncAllAsync(Subfolder(other, "Tasks"), PlainBody)), "Read"));
    }

    [Fact]
    public async Task Read_WithABadValue_IsAConversionErrorForThatItem()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var tasks = Subfolder(phone, "Tasks");
        var serverId = EasPhone.Child(Assert.Single(await phone.SyncAllAsync(tasks, PlainBody)), "ServerId")!;

        var answer = await phone.SyncAsync(tasks, $"<Change><ServerId>{serverId}</ServerId><ApplicationData><email:Read>maybe</email:Read></ApplicationData></Change>", PlainBody);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        Assert.Equal("6", EasPhone.Child(Assert.Single(Responses(answer, "Change")), "Status"));
    }

    [Fact]
    public async Task MoveItems_OutOfOrIntoTheseFolders_IsRefused()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var files = Subfolder(phone, "Files");
        var inbox = phone.FolderOfType(2);
        var file = EasPhone.Child(Assert.Single(await phone.SyncAllAsync(files, PlainBody)), "ServerId")!;
        var mail = EasPhone.Child((await phone.SyncAllAsync(inbox, PlainBody))[0], "ServerId")!;

        var answer = await phone.Client.SendAsync("MoveItems", $"""
            <MoveItems xmlns="Move:">
              <Move><SrcMsgId>{file}</SrcMsgId><SrcFldId>{files}</SrcFldId><DstFldId>{inbox}</DstFldId></Move>
              <Move><SrcMsgId>{mail}</SrcMsgId><SrcFldId>{inbox}</SrcFldId><DstFldId>{files}</DstFldId></Move>
            </MoveItems>
            """);

        Assert.Equal(["1", "2"], answer.All("Status").Select(s => s.Value));
        Assert.Equal("Passerelle quick start.txt", ((FileItem)await DemoHost.OnlyItemAsync(server, GroupwareKind.Files)).Name);
    }

    [Fact]
    public async Task FolderCreateRenameDelete_OnTheseFolders_AreRefusedAsSpecial()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var parent = Parent(phone)!.ServerId;
        var notes = Subfolder(phone, "Notes");

        var create = await phone.Client.SendAsync("FolderCreate", $"""<FolderCreate xmlns="FolderHierarchy:"><SyncKey>{phone.HierarchyKey}</SyncKey><ParentId>{parent}</ParentId><DisplayName>Mine</DisplayName><Type>12</Type></FolderCreate>""");
        var rename = await phone.Client.SendAsync("FolderUpdate", $"""<FolderUpdate xmlns="FolderHierarchy:"><SyncKey>{phone.HierarchyKey}</SyncKey><ServerId>{notes}</ServerId><ParentId>{parent}</ParentId><DisplayName>Renamed</DisplayName></FolderUpdate>""");
        var delete = await phone.Client.SendAsync("FolderDelete", $"""<FolderDelete xmlns="FolderHierarchy:"><SyncKey>{phone.HierarchyKey}</SyncKey><ServerId>{parent}</ServerId></FolderDelete>""");

        Assert.Equal("3", create.Value("Status")); // MS-ASCMD 2.2.3.177.3: the parent is a special folder
        Assert.Equal("2", rename.Value("Status")); // 2.2.3.177.6: the folder is special
        Assert.Equal("3", delete.Value("Status")); // 2.2.3.177.4: the folder is special
        await phone.FolderSyncAsync();
        Assert.Equal(["Files", "Notes", "Tasks"], Subfolders(phone));
    }
}
