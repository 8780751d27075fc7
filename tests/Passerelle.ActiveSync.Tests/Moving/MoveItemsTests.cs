using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Moving;

/// <summary>MoveItems over real HTTP: the new ServerId, the statuses, and each device's states told exactly once.</summary>
public sealed class MoveItemsTests
{
    private const string PlainBody = "<airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type></airsyncbase:BodyPreference>";

    [Fact]
    public async Task MoveItems_ToAnotherFolder_AnswersStatus3WithTheNewId_AndEveryDeviceSeesItOnce()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1), Messages.Plain(2)]);
        using var phone = await PhoneAsync(server, "IPHONE1");
        using var tablet = await PhoneAsync(server, "IPAD1");
        var (inbox, trash) = (phone.FolderOfType(2), phone.FolderOfType(4));
        var moved = (await phone.SyncAllAsync(inbox, PlainBody)).First(a => EasPhone.Child(a, "Subject") == "Message 1");
        var movedId = EasPhone.Child(moved, "ServerId")!;
        await phone.SyncAllAsync(trash, PlainBody);
        await tablet.SyncAllAsync(inbox, PlainBody);
        await tablet.SyncAllAsync(trash, PlainBody);

        var answer = await phone.Client.SendAsync("MoveItems", MoveXml((movedId, inbox, trash)));

        var response = answer.All("Response").Single();
        Assert.Equal("3", EasPhone.Child(response, "Status"));
        Assert.Equal(movedId, EasPhone.Child(response, "SrcMsgId"));
        var newId = EasPhone.Child(response, "DstMsgId")!;
        Assert.StartsWith(trash + ":", newId, StringComparison.Ordinal);

        // The mover already shows the move: its next Syncs neither delete nor add it again.
        Assert.Empty(EasPhone.Commands(await phone.SyncAsync(inbox, options: PlainBody), "Delete"));
        Assert.Empty(EasPhone.Commands(await phone.SyncAsync(trash, options: PlainBody), "Add"));
        // Another device gets the Delete in the Inbox and the Add in Deleted Items, once.
        Assert.Equal([movedId], EasPhone.Commands(await tablet.SyncAsync(inbox, options: PlainBody), "Delete").Select(d => EasPhone.Child(d, "ServerId")));
        var added = EasPhone.Commands(await tablet.SyncAsync(trash, options: PlainBody), "Add").Single();
        Assert.Equal(newId, EasPhone.Child(added, "ServerId"));
        Assert.Equal("Message 1", EasPhone.Child(added, "Subject"));
        Assert.Empty(EasPhone.Commands(await tablet.SyncAsync(trash, options: PlainBody), "Add"));

        // The mover can go on working with the item under its new id.
        var change = await phone.SyncAsync(trash, $"<Change><ServerId>{newId}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>", PlainBody);
        Assert.Equal("1", change.Value("Status"));
        Assert.DoesNotContain(change.All("Status"), s => s.Value != "1");
    }

    [Fact]
    public async Task MoveItems_Statuses_ForBadSourceBadDestinationAndSameFolder()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        await ActiveSyncHost.ImportAsync(server, ActiveSyncHost.Bob, [Messages.Plain(1)]);
        using var phone = await PhoneAsync(server, "IPHONE1");
        var (inbox, trash) = (phone.FolderOfType(2), phone.FolderOfType(4));
        var id = EasPhone.Child((await phone.SyncAllAsync(inbox, PlainBody)).Single(), "ServerId")!;

        var answer = await phone.Client.SendAsync("MoveItems", MoveXml(
            ($"{inbox}:999999", inbox, trash),
            (id, inbox, "no-such-folder"),
            (id, inbox, inbox),
            (id, "no-such-folder", trash)));

        Assert.Equal(["1", "2", "4", "1"], answer.All("Response").Select(r => EasPhone.Child(r, "Status")));
        using var other = await PhoneAsync(server, "IPAD2");
        Assert.Equal([id], (await other.SyncAllAsync(inbox, PlainBody)).Select(a => EasPhone.Child(a, "ServerId")));
    }

    [Fact]
    public async Task MoveItems_WithAnotherRoot_IsABadRequest()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phone = await PhoneAsync(server, "IPHONE1");

        var answer = await phone.Client.SendAsync("MoveItems", """<Ping xmlns="Ping:"><HeartbeatInterval>60</HeartbeatInterval></Ping>""");

        Assert.Equal(400, (int)answer.Status);
    }

    private static async Task<EasPhone> PhoneAsync(PasserelleServer server, string deviceId)
    {
        var phone = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, deviceId);
        await phone.SetupAsync();
        return phone;
    }

    private static string MoveXml(params (string Item, string From, string To)[] moves) => $"""
        <MoveItems xmlns="Move:">{string.Concat(moves.Select(m => $"<Move><SrcMsgId>{m.Item}</SrcMsgId><SrcFldId>{m.From}</SrcFldId><DstFldId>{m.To}</DstFldId></Move>"))}</MoveItems>
        """;
}
