using System.Text;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

internal static class Messages
{
    public static MemoryStream Mime(string subject, string body = "Hello.", string to = "someone@example.test") =>
        new(Encoding.UTF8.GetBytes(Dovecot.Message("sender@outside.test", to, subject, body)));

    /// <summary>Reads every change from a state (or from the start), page by page.</summary>
    public static async Task<(List<Sdk.Mail.MailMessage> Changed, List<string> Removed, Sdk.Changes.ChangeState State, int Pages)> DrainAsync(
        Sdk.Mail.IMailStore store, string accountId, string folderId, Sdk.Changes.ChangeState? since, int pageSize)
    {
        var (changed, removed, pages) = (new List<Sdk.Mail.MailMessage>(), new List<string>(), 0);
        var state = since;
        for (var more = true; more; pages++)
        {
            if (pages > 10_000)
            {
                throw new InvalidOperationException("The changes never end.");
            }

            var page = await store.GetChangesAsync(accountId, folderId, state, pageSize, CancellationToken.None);
            Assert.True(page.Changed.Count + page.Removed.Count <= pageSize, $"a page of {pageSize} held {page.Changed.Count + page.Removed.Count} changes");
            changed.AddRange(page.Changed);
            removed.AddRange(page.Removed);
            (state, more) = (page.State, page.MoreAvailable);
        }

        return (changed, removed, state!.Value, pages);
    }
}
