using MailKit;
using Passerelle.Store.Imap.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

/// <summary>
/// The phone's view of flags and moves made by another IMAP client (\Seen is Read, \Flagged is the Flag,
/// \Answered and $Forwarded are LastVerbExecuted), and the phone's changes as the other client sees them.
/// </summary>
public sealed class OtherClientChangesTests(MailServers servers) : IClassFixture<MailServers>
{
    [Fact]
    public async Task FlagsSetAndAMessageMovedByAnotherClient_ReachThePhoneAtItsNextSync()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, Enumerable.Range(1, 5).Select(n => Message(backend, n)));
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "OTHER1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var trash = phone.FolderOfType(4);
        var ids = (await phone.SyncAllAsync(inbox)).ToDictionary(add => EasPhone.Child(add, "Subject")!, add => EasPhone.Child(add, "ServerId")!);
        await phone.SyncAllAsync(trash);

        using (var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var uids = await other.Inbox.SearchAsync(MailKit.Search.SearchQuery.All);
            await other.Inbox.AddFlagsAsync(uids[0], MessageFlags.Seen, silent: true);
            await other.Inbox.AddFlagsAsync(uids[1], MessageFlags.Flagged, silent: true);
            await other.Inbox.AddFlagsAsync(uids[2], MessageFlags.Answered, silent: true);
            await other.Inbox.StoreAsync(uids[3], new StoreFlagsRequest(StoreAction.Add, MessageFlags.None) { Keywords = { "$Forwarded" }, Silent = true });
            await other.Inbox.MoveToAsync(uids[4], await other.GetFolderAsync("Trash"));
        }

        var next = await phone.SyncAsync(inbox);
        var inTrash = await phone.SyncAsync(trash);

        var changed = EasPhone.Commands(next, "Change").ToDictionary(change => EasPhone.Child(change, "ServerId")!);
        Assert.True(changed.Count == 4, next.ToString());
        Assert.True(EasPhone.Child(changed[ids["Message 1"]], "Read") == "1", next.ToString());
        Assert.Equal("2", FlagStatus(changed[ids["Message 2"]]));
        Assert.Contains(ids["Message 3"], changed.Keys); // answered
        Assert.Contains(ids["Message 4"], changed.Keys); // forwarded
        Assert.Equal([ids["Message 5"]], EasPhone.Commands(next, "Delete").Select(delete => EasPhone.Child(delete, "ServerId")));
        Assert.Equal(["Message 5"], EasPhone.Commands(inTrash, "Add").Select(add => EasPhone.Child(add, "Subject")));
    }

    [Fact]
    public async Task AnsweredAndForwarded_AreTheLastVerbExecuted_SeenIsRead_FlaggedIsTheFlag()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, Enumerable.Range(1, 4).Select(n => Message(backend, n)));
        using (var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password))
        {
            await other.Inbox.OpenAsync(FolderAccess.ReadWrite);
            var uids = await other.Inbox.SearchAsync(MailKit.Search.SearchQuery.All);
            await other.Inbox.AddFlagsAsync(uids[0], MessageFlags.Answered, silent: true);
            await other.Inbox.StoreAsync(uids[1], new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Keywords = { "$Forwarded" }, Silent = true });
            await other.Inbox.AddFlagsAsync(uids[2], MessageFlags.Flagged, silent: true);
        }

        using var phone = new EasPhone(server, backend.Bob, backend.Password, "VERBS1");
        await phone.SetupAsync();
        var adds = (await phone.SyncAllAsync(phone.FolderOfType(2))).ToDictionary(add => EasPhone.Child(add, "Subject")!);

        Assert.Equal("1", EasPhone.Child(adds["Message 1"], "LastVerbExecuted")); // reply to sender
        Assert.Equal("3", EasPhone.Child(adds["Message 2"], "LastVerbExecuted")); // forward
        Assert.Null(EasPhone.Child(adds["Message 3"], "LastVerbExecuted"));
        Assert.Equal(["0", "1", "0", "0"], adds.OrderBy(add => add.Key).Select(add => EasPhone.Child(add.Value, "Read")));
        Assert.Equal("2", FlagStatus(adds["Message 3"]));
        Assert.Null(FlagStatus(adds["Message 4"]));
    }

    [Fact]
    public async Task ReadAndFlagSetOnThePhone_AreSeenAndFlaggedForAnotherClient()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, Enumerable.Range(1, 2).Select(n => Message(backend, n)));
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "OTHER2");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var ids = (await phone.SyncAllAsync(inbox)).ToDictionary(add => EasPhone.Child(add, "Subject")!, add => EasPhone.Child(add, "ServerId")!);

        var answer = await phone.SyncAsync(inbox, $"""
            <Change><ServerId>{ids["Message 1"]}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>
            <Change><ServerId>{ids["Message 2"]}</ServerId><ApplicationData><email:Flag><email:Status>2</email:Status><email:FlagType>Follow up</email:FlagType></email:Flag></ApplicationData></Change>
            """);

        Assert.Equal("1", answer.Value("Status"));
        using var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password);
        await other.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var flags = (await other.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.Flags))
            .ToDictionary(summary => summary.Envelope!.Subject!, summary => summary.Flags!.Value);
        Assert.Equal(MessageFlags.Seen, flags["Message 1"] & (MessageFlags.Seen | MessageFlags.Flagged));
        Assert.Equal(MessageFlags.Flagged, flags["Message 2"] & (MessageFlags.Seen | MessageFlags.Flagged));
    }

    private static string Message(ImapMailBackend backend, int n) =>
        $"From: {backend.Alice}\r\nTo: {backend.Bob}\r\nSubject: Message {n}\r\nDate: {new DateTimeOffset(2026, 11, 1, 9, n, 0, TimeSpan.Zero):R}\r\nMessage-ID: <o{n}-{Guid.NewGuid():N}@example.test>\r\n\r\nHello {n}.\r\n";

    private static string? FlagStatus(System.Xml.Linq.XElement change) =>
        change.Descendants().FirstOrDefault(element => element.Name.LocalName == "Flag")?.Elements().FirstOrDefault(element => element.Name.LocalName == "Status")?.Value;
}
