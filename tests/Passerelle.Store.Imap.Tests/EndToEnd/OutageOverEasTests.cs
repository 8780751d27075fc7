using System.Net;
using Passerelle.Store.Imap.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

/// <summary>
/// Dovecot stopped under a phone and started again: every answer meanwhile is a temporary server error (Status
/// 111, or 503 with Retry-After where the command has no such status), never a 500, and the phone's retries end in the state it would have reached
/// without the outage, nothing lost and nothing applied twice. Each test has a Dovecot of its own, since it stops it.
/// </summary>
public sealed class OutageOverEasTests : IAsyncLifetime
{
    private readonly MailServers _servers = new();

    public Task InitializeAsync() => _servers.InitializeAsync();

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Fact]
    public async Task DovecotStoppedMidSync_ThePhonesRetriesEndInTheSameStateAsWithoutTheOutage()
    {
        var backend = new ImapMailBackend(_servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, Enumerable.Range(1, 60).Select(n => Message(backend, n)));
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "OUTAGE1");
        using var calm = new EasPhone(server, backend.Bob, backend.Password, "CALM1");
        await phone.SetupAsync();
        await calm.SetupAsync();
        var inbox = phone.FolderOfType(2);
        await phone.SyncAsync(inbox, windowSize: 25); // SyncKey 0
        var adds = EasPhone.Commands(await phone.SyncAsync(inbox, windowSize: 25), "Add").ToList();
        var key = phone.Keys[inbox];

        await _servers.Dovecot.StopAsync();
        var during = await phone.SyncAsync(inbox, windowSize: 25);
        var folders = await phone.Client.FolderSyncAsync(phone.HierarchyKey);
        await _servers.Dovecot.StartAgainAsync();
        var retried = await PhoneRequests.RetryWhileUnavailableAsync(() => phone.SyncAsync(inbox, windowSize: 25, syncKey: key));
        adds.AddRange(EasPhone.Commands(retried, "Add"));
        adds.AddRange(await phone.SyncAllAsync(inbox, windowSize: 25));
        var reference = await calm.SyncAllAsync(inbox, windowSize: 25);

        AssertTemporaryError(during);
        AssertTemporaryError(folders);
        Assert.Equal("1", retried.Value("Status"));
        Assert.Equal(60, adds.Count);
        Assert.Equal(reference.Select(add => EasPhone.Child(add, "ServerId")).Order(), adds.Select(add => EasPhone.Child(add, "ServerId")).Order());
        Assert.Empty(EasPhone.Commands(await phone.SyncAsync(inbox), "Add"));
    }

    [Fact]
    public async Task ChangesAndASendDuringAnOutage_AreRefused_ThenAppliedOnceWhenRetried()
    {
        var backend = new ImapMailBackend(_servers);
        await using var server = await backend.StartAsync();
        await backend.ImportAsync(server, backend.Bob, Enumerable.Range(1, 3).Select(n => Message(backend, n)));
        using var phone = new EasPhone(server, backend.Bob, backend.Password, "OUTAGE2");
        using var watcher = new EasPhone(server, backend.Bob, backend.Password, "WATCH2");
        using var alice = new EasPhone(server, backend.Alice, backend.Password, "ALICE2");
        await phone.SetupAsync();
        await watcher.SetupAsync();
        await alice.SetupAsync();
        var inbox = phone.FolderOfType(2);
        var ids = (await phone.SyncAllAsync(inbox)).ToDictionary(add => EasPhone.Child(add, "Subject")!, add => EasPhone.Child(add, "ServerId")!);
        await watcher.SyncAllAsync(inbox);
        await alice.SyncAllAsync(alice.FolderOfType(2));
        var key = phone.Keys[inbox];
        var commands = $"""
            <Change><ServerId>{ids["Message 1"]}</ServerId><ApplicationData><email:Read>1</email:Read></ApplicationData></Change>
            <Delete><ServerId>{ids["Message 2"]}</ServerId></Delete>
            """;
        var mime = $"From: {backend.Bob}\r\nTo: {backend.Alice}\r\nSubject: During the outage\r\n\r\nHello.\r\n";

        await _servers.Dovecot.StopAsync();
        var refused = await phone.SyncAsync(inbox, commands, syncKey: key);
        var notSent = await PhoneRequests.SendMailAsync(phone, "c-outage", mime);
        var ping = await PhoneRequests.PingAsync(phone, inbox);
        await _servers.Dovecot.StartAgainAsync();
        var applied = await PhoneRequests.RetryWhileUnavailableAsync(() => phone.SyncAsync(inbox, commands, syncKey: key));
        var sent = await PhoneRequests.RetryWhileUnavailableAsync(() => PhoneRequests.SendMailAsync(phone, "c-outage", mime));
        var seen = await watcher.SyncAsync(inbox);

        AssertTemporaryError(refused);
        AssertTemporaryError(notSent);
        AssertTemporaryError(ping);
        Assert.Equal("1", applied.Value("Status"));
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("1", EasPhone.Child(EasPhone.Commands(seen, "Change").Single(), "Read"));
        Assert.Equal([ids["Message 2"]], EasPhone.Commands(seen, "Delete").Select(delete => EasPhone.Child(delete, "ServerId")));
        var received = await ReceivedAsync(alice, "During the outage");
        Assert.Single(received);
    }

    // Either a 503 with Retry-After, or the command's own Status 111, "server error, retry later" (MS-ASCMD 2.2.2).
    private static void AssertTemporaryError(EasAnswer answer)
    {
        if (answer.Status == HttpStatusCode.ServiceUnavailable)
        {
            Assert.NotNull(answer.Headers.RetryAfter);
            return;
        }

        Assert.True(answer.Status == HttpStatusCode.OK && answer.Value("Status") == "111", $"expected a temporary server error, got {answer}");
    }

    private static async Task<List<System.Xml.Linq.XElement>> ReceivedAsync(EasPhone phone, string subject)
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

        found.AddRange((await phone.SyncAllAsync(inbox)).Where(add => EasPhone.Child(add, "Subject") == subject));
        return found;
    }

    private static string Message(ImapMailBackend backend, int n) =>
        $"From: {backend.Alice}\r\nTo: {backend.Bob}\r\nSubject: Message {n}\r\nDate: {new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(n):R}\r\nMessage-ID: <u{n}-{Guid.NewGuid():N}@example.test>\r\n\r\nHello {n}.\r\n";
}
