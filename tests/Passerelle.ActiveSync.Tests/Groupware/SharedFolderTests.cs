using Microsoft.Data.Sqlite;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class SharedFolderTests
{
    [Fact]
    public async Task ReadOnlySharedCalendar_Syncs_AndAChangeOrDeleteIsRefusedAndRestored()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "BOBPHONE", "iPhone", "16.1");
        await bob.SetupAsync();
        var bobCalendar = bob.FolderOfType(8);
        await bob.SyncAsync(bobCalendar);
        await GroupwarePhones.AddAsync(bob, bobCalendar, "<calendar:StartTime>20260601T080000Z</calendar:StartTime><calendar:EndTime>20260601T090000Z</calendar:EndTime><calendar:Subject>Bob's holiday</calendar:Subject>");
        await ShareAsync(server, ActiveSyncHost.Bob, "Calendar", ActiveSyncHost.Alice, access: 0);

        using var phones = await GroupwarePhones.SetUpAsync(server);
        var shared = phones.Older.Folders.Values.Single(f => f.Type == 13).ServerId;
        var add = Assert.Single(await phones.Older.SyncAllAsync(shared));
        Assert.Equal("Bob's holiday", EasPhone.Child(add, "Subject"));
        var serverId = EasPhone.Child(add, "ServerId");

        var change = await phones.Older.SyncAsync(shared, $"<Change><ServerId>{serverId}</ServerId><ApplicationData><calendar:Subject>Alice was here</calendar:Subject><calendar:StartTime>20260601T080000Z</calendar:StartTime></ApplicationData></Change>");

        var refused = Assert.Single(change.All("Change"), c => EasPhone.Child(c, "Status") is not null);
        Assert.Equal("7", EasPhone.Child(refused, "Status"));
        var restored = await RestoredAsync(phones.Older, shared, change, "Change");
        Assert.Equal("Bob's holiday", EasPhone.Child(restored, "Subject"));

        var delete = await phones.Older.SyncAsync(shared, $"<Delete><ServerId>{serverId}</ServerId></Delete>");
        Assert.Equal("7", EasPhone.Child(Assert.Single(delete.All("Delete"), c => EasPhone.Child(c, "Status") is not null), "Status"));
        var back = await RestoredAsync(phones.Older, shared, delete, "Add");
        Assert.Equal("Bob's holiday", EasPhone.Child(back, "Subject"));

        using var check = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "BOBPHONE2", "iPhone", "16.1");
        await check.SetupAsync();
        Assert.Equal("Bob's holiday", EasPhone.Child(Assert.Single(await check.SyncAllAsync(check.FolderOfType(8))), "Subject"));
    }

    [Fact]
    public async Task CollectedAddresses_AreNotSynced_ButAReadWriteSharedBookIs()
    {
        await using var server = await ActiveSyncHost.StartAsync();
        using var bob = new EasPhone(server, ActiveSyncHost.Bob, ActiveSyncHost.Password, "BOBPHONE", "iPhone", "16.1");
        await bob.SetupAsync();
        await ShareAsync(server, ActiveSyncHost.Bob, "Contacts", ActiveSyncHost.Alice, access: 1);

        using var phones = await GroupwarePhones.SetUpAsync(server);

        Assert.DoesNotContain(phones.Modern.Folders.Values, f => f.DisplayName == "Collected addresses");
        var sharedBook = phones.Modern.Folders.Values.Single(f => f.Type == 14).ServerId;
        await phones.Modern.SyncAsync(sharedBook);
        await GroupwarePhones.AddAsync(phones.Modern, sharedBook, "<contacts:FirstName>Shared</contacts:FirstName>");
        Assert.Equal("Shared", EasPhone.Child(Assert.Single(await bob.SyncAllAsync(bob.FolderOfType(9))), "FirstName"));
    }

    /// <summary>The server's version comes back in the same answer or the next one.</summary>
    private static async Task<System.Xml.Linq.XElement> RestoredAsync(EasPhone phone, string collectionId, EasAnswer answer, string kind)
    {
        if (EasPhone.Commands(answer, kind).FirstOrDefault() is { } now)
        {
            return now;
        }

        return await GroupwarePhones.NextAsync(phone, collectionId, kind);
    }

    /// <summary>Shares an owner's folder in the store, as the store's sharing does (gw_shares: 0 read-only, 1 read-write).</summary>
    internal static async Task ShareAsync(PasserelleServer server, string owner, string folderName, string grantee, int access)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "store.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO gw_shares (folder_id, grantee, access) SELECT id, $grantee, $access FROM gw_folders WHERE owner_id = $owner AND name = $name AND role = 0";
        command.Parameters.AddWithValue("$grantee", grantee);
        command.Parameters.AddWithValue("$access", access);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$name", folderName);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
