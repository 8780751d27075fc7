using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Mail;

namespace Passerelle.Sdk.Tests;

public abstract partial class MailStoreContract
{
    private async Task<MailMessage> AppendRawAsync(string account, string folderId, byte[] bytes, DateTimeOffset receivedAt) =>
        await Mail.AppendAsync(account, folderId, new MemoryStream(bytes), MessageFlags.None, receivedAt, None);

    [Fact]
    public async Task Search_FindsBySubjectBodyAndSender_EveryWordRequired()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var day = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var bySubject = await AppendRawAsync(account, inbox, TestMessages.Create("Budget meeting moved"), day);
        var byBody = await AppendRawAsync(account, inbox, TestMessages.Create("Hello", "The budget spreadsheet is ready."), day.AddHours(1));
        var bySender = await AppendRawAsync(account, inbox, TestMessages.Create("Lunch", from: "Zoltan Kodaly <zoltan@music.example>"), day.AddHours(2));

        Assert.Equal([byBody.Id, bySubject.Id], (await Mail.SearchAsync(account, new MailSearchQuery("budget"), None)).Messages.Select(m => m.Id));
        Assert.Equal([bySubject.Id], (await Mail.SearchAsync(account, new MailSearchQuery("budget meeting"), None)).Messages.Select(m => m.Id));
        Assert.Equal([bySender.Id], (await Mail.SearchAsync(account, new MailSearchQuery("zoltan"), None)).Messages.Select(m => m.Id));
        Assert.Equal(0, (await Mail.SearchAsync(account, new MailSearchQuery("budget lunch"), None)).Total);
    }

    [Fact]
    public async Task Search_InAFolder_WithOrWithoutSubfolders_AndOnlyTheAccountsMail()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var sub = await Mail.CreateFolderAsync(account, inbox, "Receipts", None);
        var when = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var top = await AppendRawAsync(account, inbox, TestMessages.Create("invoice 1"), when);
        var below = await AppendRawAsync(account, sub.Id, TestMessages.Create("invoice 2"), when.AddMinutes(1));
        var (other, otherInbox) = await NewAccountWithFolderAsync();
        await AppendRawAsync(other, otherInbox, TestMessages.Create("invoice 3"), when);

        var shallow = await Mail.SearchAsync(account, new MailSearchQuery("invoice") { FolderId = inbox }, None);
        var deep = await Mail.SearchAsync(account, new MailSearchQuery("invoice") { FolderId = inbox, DeepTraversal = true }, None);
        var everywhere = await Mail.SearchAsync(account, new MailSearchQuery("invoice"), None);

        Assert.Equal([top.Id], shallow.Messages.Select(m => m.Id));
        Assert.Equal([below.Id, top.Id], deep.Messages.Select(m => m.Id));
        Assert.Equal(2, everywhere.Total);
        await Assert.ThrowsAnyAsync<FolderNotFoundException>(() => Mail.SearchAsync(account, new MailSearchQuery("invoice") { FolderId = otherInbox }, None));
    }

    [Fact]
    public async Task Search_DateRangeAndPaging_NewestFirst_WithTheTotal()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new List<string>();
        for (var day = 0; day < 10; day++)
        {
            ids.Add((await AppendRawAsync(account, inbox, TestMessages.Create($"daily report {day}"), start.AddDays(day))).Id);
        }

        var query = new MailSearchQuery("report") { ReceivedSince = start.AddDays(2), ReceivedBefore = start.AddDays(8), Offset = 1, Limit = 3 };
        var result = await Mail.SearchAsync(account, query, None);

        Assert.Equal(6, result.Total);
        Assert.Equal([ids[6], ids[5], ids[4]], result.Messages.Select(m => m.Id));
    }

    [Fact]
    public async Task Search_TextWithQuotesAndOperators_IsTakenAsWords()
    {
        var (account, inbox) = await NewAccountWithFolderAsync();
        await AppendRawAsync(account, inbox, TestMessages.Create("Release NEAR completion"), DateTimeOffset.UtcNow);

        var result = await Mail.SearchAsync(account, new MailSearchQuery("\"release\" NEAR OR -( *"), None);

        Assert.Equal(0, result.Total);
        Assert.Equal(1, (await Mail.SearchAsync(account, new MailSearchQuery("\"release\" NEAR"), None)).Total);
    }
}
