using Passerelle.GroupwareAsMail.Messages;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Tests.Messages;

/// <summary>What each kind of item says as a message, without the host.</summary>
public sealed class ItemContentTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void CompletedTask_ListsEveryDetail_AndItsParticipantsAsRecipients()
    {
        var task = new TaskItem
        {
            Subject = "Ship it", Body = "All of it.", State = TaskState.Completed, PercentComplete = 100,
            StartDate = Monday, DueDate = Monday.AddDays(2), DateCompleted = Monday.AddDays(1), ReminderTime = Monday.AddHours(-1),
            Importance = Importance.Low, Participants = [new Attendee("bob@example.test", "Bob")],
        };

        var content = ItemMessages.ContentOf(task, "Tasks");

        Assert.Equal(
            "Status: Completed\nPercent complete: 100%\nStart: 2026-11-02 09:30 UTC\nDue: 2026-11-04 09:30 UTC\nCompleted: 2026-11-03 09:30 UTC\nPriority: Low\nReminder: 2026-11-02 08:30 UTC\n\nAll of it.",
            content.Text);
        Assert.Equal(Importance.Low, content.Importance);
        Assert.Equal("bob@example.test", Assert.Single(content.To).Email);
    }

    [Fact]
    public void TaskDescription_IsEncodedInTheHtmlBody()
    {
        var content = ItemMessages.ContentOf(new TaskItem { Subject = "x", Body = "<script>alert(1)</script>" }, "Tasks");

        Assert.DoesNotContain("<script>", content.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void NoteWithFormatting_KeepsItsOwnHtml()
    {
        var content = ItemMessages.ContentOf(new Note { Subject = "Formatted", Body = "bold", HtmlBody = "<b>bold</b>" }, "Notes");

        Assert.Equal("bold", content.Text);
        Assert.Contains("<b>bold</b>", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void File_IsAttachedUnderItsNameAndContentType_WithItsFolderPath()
    {
        var file = new FileItem { Name = "report.pdf", ContentType = "application/pdf", LastModified = Monday, Attachments = [new ItemAttachment("1", "blob", "application/octet-stream", 2048)] };

        var content = ItemMessages.ContentOf(file, "Files/Reports");

        var (attachment, name, type) = Assert.Single(content.Attachments);
        Assert.Equal(("1", "report.pdf", "application/pdf"), (attachment.Id, name, type));
        Assert.Equal("Name: report.pdf\nSize: 2,048 bytes\nFolder: Files/Reports\nModified: 2026-11-02 09:30 UTC\n", content.Text);
    }

    [Fact]
    public void Describe_UsesTheLastModificationAsDate_AndTheCategoriesAsKeywords()
    {
        var message = ItemMessages.Describe(new Note { Id = "7", LastModified = Monday, Categories = ["Home"] }, "GroupwareAsMail:f:3", read: true);

        Assert.Equal(("7", Monday, true), (message.Id, message.ReceivedAt, message.Flags.HasFlag(Passerelle.Sdk.Mail.MessageFlags.Seen)));
        Assert.Equal(["Home"], message.Keywords);
    }
}
