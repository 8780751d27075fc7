using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Tests;
using Passerelle.Store.Sqlite.Submission;

namespace Passerelle.Store.Sqlite.Tests;

/// <summary>Local delivery through <see cref="IMailSubmission"/>.</summary>
public sealed class MailSubmissionTests : IAsyncLifetime
{
    private SqliteHarness _store = null!;

    private IMailSubmission Submission => _store.Services.GetRequiredService<IMailSubmission>();

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _store = await SqliteHarness.CreateAsync(configuration: new Dictionary<string, string?> { ["Plugins:Store.Sqlite:MaxMessageSize"] = "20000" });
        foreach (var name in new[] { "alice", "bob", "carol", "dave" })
        {
            await _store.CreateAccountAsync(name);
        }
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task LocalRecipients_GetItInTheirInbox_WithoutBcc_WithAReceivedHeader()
    {
        var bytes = TestMessages.Create("Lunch?", "Noon at the usual place.", from: "alice@example.test", to: "bob@example.test", cc: "carol@example.test", bcc: "dave@example.test");

        var result = await Submission.SubmitAsync("alice@example.test", new MemoryStream(bytes), null, None);

        Assert.Equal(["bob@example.test", "carol@example.test", "dave@example.test"], result.Accepted.Order());
        Assert.Empty(result.Rejected);
        foreach (var recipient in new[] { "bob", "carol", "dave" })
        {
            var text = await InboxTextAsync($"{recipient}@example.test");
            Assert.StartsWith("Received: from passerelle (authenticated user alice@example.test) by ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bcc:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("dave@example.test", text, StringComparison.Ordinal);
            Assert.EndsWith(Encoding.UTF8.GetString(bytes)[Encoding.UTF8.GetString(bytes).IndexOf("Subject:", StringComparison.Ordinal)..], text, StringComparison.Ordinal);
        }

        Assert.Empty(await InboxAsync("alice@example.test"));
    }

    [Fact]
    public async Task ExternalAndUnknownRecipients_AreRefusedWithTheReason_AndTheOthersStillGetIt()
    {
        var bytes = TestMessages.Create("Hello all", from: "alice@example.test", to: "bob@example.test, friend@elsewhere.example, ghost@example.test");

        var result = await Submission.SubmitAsync("alice@example.test", new MemoryStream(bytes), null, None);

        Assert.Equal(["bob@example.test"], result.Accepted);
        Assert.Equal(SqliteMailSubmission.NoRelayReason, result.Rejected.Single(r => r.Address == "friend@elsewhere.example").Reason);
        Assert.Contains("no mailbox", result.Rejected.Single(r => r.Address == "ghost@example.test").Reason, StringComparison.Ordinal);
        Assert.Single(await InboxAsync("bob@example.test"));
    }

    [Fact]
    public async Task GroupAndAlias_AreDeliveredToTheirAccounts_Once()
    {
        await _store.Administration.AddGroupAsync("team@example.test", "Team", true, ["bob@example.test", "carol@example.test"], None);
        await _store.Administration.AddAliasAsync("bob@example.test", "robert@example.test", None);
        var bytes = TestMessages.Create("Team news", from: "alice@example.test", to: "team@example.test, robert@example.test");

        var result = await Submission.SubmitAsync("alice@example.test", new MemoryStream(bytes), null, None);

        Assert.Equal(["robert@example.test", "team@example.test"], result.Accepted.Order());
        Assert.Single(await InboxAsync("bob@example.test"));
        Assert.Single(await InboxAsync("carol@example.test"));
    }

    [Fact]
    public async Task Envelope_DecidesTheRecipients()
    {
        var bytes = TestMessages.Create("Only for Carol", from: "alice@example.test", to: "bob@example.test");

        await Submission.SubmitAsync("alice@example.test", new MemoryStream(bytes), new SubmissionEnvelope("alice@example.test", ["carol@example.test"]), None);

        Assert.Empty(await InboxAsync("bob@example.test"));
        Assert.Single(await InboxAsync("carol@example.test"));
    }

    [Fact]
    public async Task TooLargeMessage_ThrowsMessageTooLarge_AndDeliversNothing()
    {
        var bytes = TestMessages.Create("Huge", new string('x', 30_000), from: "alice@example.test", to: "bob@example.test");

        await Assert.ThrowsAsync<MessageTooLargeException>(() => Submission.SubmitAsync("alice@example.test", new MemoryStream(bytes), null, None));

        Assert.Empty(await InboxAsync("bob@example.test"));
    }

    [Fact]
    public async Task NoRecipient_OrNoMessage_ThrowsInvalidItem()
    {
        var noRecipient = Encoding.ASCII.GetBytes("From: alice@example.test\r\nSubject: nobody\r\n\r\nhello\r\n");

        await Assert.ThrowsAsync<InvalidItemException>(() => Submission.SubmitAsync("alice@example.test", new MemoryStream(noRecipient), null, None));
        await Assert.ThrowsAsync<InvalidItemException>(() => Submission.SubmitAsync("alice@example.test", new MemoryStream(), null, None));
    }

    [Fact]
    public async Task MissingDateAndMessageId_AreAdded()
    {
        var bytes = Encoding.ASCII.GetBytes("From: alice@example.test\nTo: bob@example.test\nSubject: bare\n\nhello\n");

        await Submission.SubmitAsync("alice@example.test", new MemoryStream(bytes), null, None);

        var message = Assert.Single(await InboxAsync("bob@example.test"));
        Assert.NotNull(message.Envelope?.Date);
        Assert.False(string.IsNullOrEmpty(message.Envelope?.MessageId));
        Assert.EndsWith("Subject: bare\n\nhello\n", await InboxTextAsync("bob@example.test"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_WakesTheRecipientsInboxSubscription()
    {
        var inbox = (await _store.Mail.GetFoldersAsync("bob@example.test", None)).Single(f => f.Role == MailFolderRole.Inbox).Id;
        await using var subscription = await _store.Feed.SubscribeAsync("bob@example.test", [new FolderRef(FolderSource.Mail, inbox)], None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await Submission.SubmitAsync("alice@example.test", new MemoryStream(TestMessages.Create("ping", to: "bob@example.test")), null, None);

        Assert.Equal([new FolderRef(FolderSource.Mail, inbox)], await subscription.WaitAsync(deadline.Token));
    }

    private async Task<List<MailMessage>> InboxAsync(string account)
    {
        var inbox = (await _store.Mail.GetFoldersAsync(account, None)).Single(f => f.Role == MailFolderRole.Inbox).Id;
        return (await _store.Mail.GetChangesAsync(account, inbox, null, 100, None)).Changed.ToList();
    }

    private async Task<string> InboxTextAsync(string account)
    {
        var message = Assert.Single(await InboxAsync(account));
        await using var content = await _store.Mail.OpenMessageAsync(account, message.FolderId, message.Id, None);
        return await new StreamReader(content, Encoding.UTF8).ReadToEndAsync();
    }
}
