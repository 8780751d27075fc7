using MailKit;
using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests;

[Collection(MailServerCollection.Name)]
public sealed class SmtpSubmissionTests(MailServerFixture fixture)
{
    [Fact]
    public async Task Submit_AuthenticatedWithTheUsersPassword_DeliversToEveryRecipient_WithoutBcc()
    {
        var sender = await fixture.Host.NewAccountAsync(fixture.Dovecot, "sender");
        var to = await fixture.Host.NewAccountAsync(fixture.Dovecot, "to");
        var hidden = await fixture.Host.NewAccountAsync(fixture.Dovecot, "bcc");
        var mime = $"From: {sender.Id}\r\nTo: {to.Id}\r\nBcc: {hidden.Id}\r\nSubject: Submitted\r\nMessage-ID: <{Guid.NewGuid():N}@example.test>\r\n\r\nHello.\r\n";

        var result = await fixture.Host.Submission.SubmitAsync(sender.Id, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mime)), null, CancellationToken.None);

        Assert.Equal(new[] { to.Id, hidden.Id }.Order(), result.Accepted.Order());
        Assert.Empty(result.Rejected);
        var delivered = await InboxSubjectsAsync(hidden, "Submitted");
        Assert.Equal(["Submitted"], delivered.Select(m => m.Envelope!.Subject));
        using var other = await OtherClient.ConnectAsync(fixture.Dovecot, hidden);
        await other.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var headers = await other.Inbox.GetHeadersAsync(new UniqueId(uint.Parse(delivered[0].Id, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(headers.Contains(MimeKit.HeaderId.Bcc));
        Assert.Contains(sender.Id, fixture.Postfix.Log, StringComparison.Ordinal);
        Assert.Contains("sasl_username=" + sender.Id, fixture.Postfix.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NoRecipient_IsAnInvalidItem()
    {
        var sender = await fixture.Host.NewAccountAsync(fixture.Dovecot, "norcpt");
        var mime = $"From: {sender.Id}\r\nSubject: Nobody\r\n\r\nHello.\r\n";

        await Assert.ThrowsAsync<InvalidItemException>(() => fixture.Host.Submission.SubmitAsync(sender.Id, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mime)), null, CancellationToken.None));
    }

    private async Task<IReadOnlyList<MailMessage>> InboxSubjectsAsync(TestAccount account, string subject)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = (await fixture.Host.Mail.SearchAsync(account.Id, new MailSearchQuery(subject) { FolderId = "INBOX" }, CancellationToken.None)).Messages;
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(50);
        }
    }
}
