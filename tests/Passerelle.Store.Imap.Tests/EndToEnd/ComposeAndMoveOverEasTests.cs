using MailKit;
using Passerelle.Store.Imap.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

/// <summary>SendMail through Postfix with the copy in the IMAP Sent folder, and MoveItems between IMAP folders, over HTTP.</summary>
public sealed class ComposeAndMoveOverEasTests(MailServers servers) : IClassFixture<MailServers>
{
    [Fact]
    public async Task SendMail_IsSubmittedThroughPostfix_DeliveredOnce_AndAppearsInSent()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        using var bob = new EasPhone(server, backend.Bob, backend.Password, "SEND1");
        using var alice = new EasPhone(server, backend.Alice, backend.Password, "SEND2");
        await bob.SetupAsync();
        await alice.SetupAsync();
        var sent = bob.FolderOfType(5);
        await bob.SyncAllAsync(sent);
        var mime = $"From: {backend.Bob}\r\nTo: {backend.Alice}\r\nSubject: Lunch\r\nMessage-ID: <{Guid.NewGuid():N}@example.test>\r\n\r\nAt noon?\r\n";

        var answer = await PhoneRequests.SendMailAsync(bob, "c-lunch", mime);
        var again = await PhoneRequests.SendMailAsync(bob, "c-lunch", mime); // our answer was lost: the phone sends it again

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Body);
        Assert.Equal(System.Net.HttpStatusCode.OK, again.Status);
        Assert.Equal(["Lunch"], (await bob.SyncAllAsync(sent)).Select(add => EasPhone.Child(add, "Subject")));
        var delivered = await WaitForInboxAsync(alice, "Lunch");
        Assert.Single(delivered);
        Assert.Contains("sasl_username=" + backend.Bob, servers.Postfix.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveItems_BetweenTwoImapFolders_MovesTheMessageOnTheServer()
    {
        var backend = new ImapMailBackend(servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, [Dovecot.Message(backend.Alice, backend.Bob, "File me", "Hello.")]);
        using (var other = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password))
        {
            await other.GetFolder(other.PersonalNamespaces[0]).CreateAsync("Projects", isMessageFolder: true);
        }

        using var phone = new EasPhone(server, backend.Bob, backend.Password, "MOVE1");
        await phone.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var projects = phone.FolderNamed("Projects");
        var id = EasPhone.Child((await phone.SyncAllAsync(inbox)).Single(), "ServerId")!;
        await phone.SyncAllAsync(projects);

        var moved = await PhoneRequests.MoveAsync(phone, id, inbox, projects);

        Assert.Equal("3", moved.Value("Status"));
        var newId = moved.Value("DstMsgId");
        Assert.StartsWith($"{projects}:", newId, StringComparison.Ordinal);
        using var client = await ImapMailBackend.ConnectAsync(servers.Dovecot, backend.Bob, backend.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(0, client.Inbox.Count);
        var target = await client.GetFolderAsync("Projects");
        await target.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(["File me"], (await target.FetchAsync(0, -1, MessageSummaryItems.Envelope)).Select(m => m.Envelope?.Subject));
        var inProjects = await phone.SyncAsync(projects);
        Assert.DoesNotContain(EasPhone.Commands(inProjects, "Add"), add => EasPhone.Child(add, "ServerId") != newId);
        Assert.Empty(EasPhone.Commands(await phone.SyncAsync(inbox), "Add"));
    }

    private static async Task<List<System.Xml.Linq.XElement>> WaitForInboxAsync(EasPhone phone, string subject)
    {
        var inbox = phone.FolderOfType(2);
        var found = new List<System.Xml.Linq.XElement>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (found.Count == 0 && DateTime.UtcNow < deadline)
        {
            found.AddRange((await phone.SyncAllAsync(inbox)).Where(add => EasPhone.Child(add, "Subject") == subject));
            if (found.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        // Anything sent twice would be there by now too: Postfix delivers in one go.
        found.AddRange((await phone.SyncAllAsync(inbox)).Where(add => EasPhone.Child(add, "Subject") == subject));
        return found;
    }
}
