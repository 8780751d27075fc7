using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class GroupwareFolderCommandTests
{
    [Fact]
    public async Task GetItemEstimateAndMoveItems_WorkBetweenTwoAddressBooks()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var phones = await GroupwarePhones.SetUpAsync(server);
        var created = await phones.Modern.Client.SendAsync("FolderCreate", $"""
            <FolderCreate xmlns="FolderHierarchy:"><SyncKey>{phones.Modern.HierarchyKey}</SyncKey><ParentId>0</ParentId><DisplayName>Suppliers</DisplayName><Type>14</Type></FolderCreate>
            """);
        Assert.Equal("1", created.Value("Status"));
        var contacts = phones.Modern.FolderOfType(9);
        var suppliers = created.Value("ServerId")!;
        await phones.Modern.SyncAsync(contacts);
        await phones.Modern.SyncAsync(suppliers);
        var serverId = await GroupwarePhones.AddAsync(phones.Modern, contacts, "<contacts:FirstName>Erin</contacts:FirstName><contacts:CompanyName>Parts Ltd</contacts:CompanyName>");

        // The 14.1 phone has not synced yet: one contact awaits it in the default book, none in the new one.
        await phones.Older.FolderSyncAsync();
        var olderContacts = phones.Older.FolderOfType(9);
        var olderSuppliers = phones.Older.FolderNamed("Suppliers");
        await phones.Older.SyncAsync(olderContacts);
        await phones.Older.SyncAsync(olderSuppliers);
        var estimate = await phones.Older.Client.SendAsync("GetItemEstimate", $"""
            <GetItemEstimate xmlns="GetItemEstimate:" xmlns:airsync="AirSync:"><Collections>
              <Collection><airsync:SyncKey>{phones.Older.Keys[olderContacts]}</airsync:SyncKey><CollectionId>{olderContacts}</CollectionId></Collection>
              <Collection><airsync:SyncKey>{phones.Older.Keys[olderSuppliers]}</airsync:SyncKey><CollectionId>{olderSuppliers}</CollectionId></Collection>
            </Collections></GetItemEstimate>
            """);
        Assert.Equal(["1", "0"], estimate.All("Estimate").Select(e => e.Value));

        var moved = await phones.Modern.Client.SendAsync("MoveItems", $"""
            <MoveItems xmlns="Move:"><Move><SrcMsgId>{serverId}</SrcMsgId><SrcFldId>{contacts}</SrcFldId><DstFldId>{suppliers}</DstFldId></Move></MoveItems>
            """);
        Assert.Equal("3", moved.Value("Status"));
        Assert.StartsWith(suppliers + ":", moved.Value("DstMsgId"), StringComparison.Ordinal);

        Assert.Empty(await phones.Older.SyncAllAsync(olderContacts));
        Assert.Equal("Erin", EasPhone.Child(Assert.Single(await phones.Older.SyncAllAsync(olderSuppliers)), "FirstName"));
    }
}
