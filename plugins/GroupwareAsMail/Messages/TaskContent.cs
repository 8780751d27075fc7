using System.Globalization;
using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Messages;

/// <summary>A task as a message: every detail in the body, its priority as the importance, its participants as recipients.</summary>
internal static class TaskContent
{
    public static ItemContent For(TaskItem task)
    {
        var body = new BodyText()
            .Line("Status", StatusOf(task.State))
            .Line("Percent complete", task.PercentComplete.ToString(CultureInfo.InvariantCulture) + "%")
            .Line("Start", BodyText.Date(task.StartDate))
            .Line("Due", BodyText.Date(task.DueDate))
            .Line("Completed", BodyText.Date(task.DateCompleted))
            .Line("Priority", task.Importance.ToString())
            .Line("Reminder", BodyText.Date(task.ReminderTime) ?? "none")
            .Text(task.Body);
        return new ItemContent(task.Subject ?? "", body.Plain(), body.Html())
        {
            Importance = task.Importance,
            To = task.Participants,
            Attachments = task.Attachments.Select(a => (a, a.Name, a.ContentType)).ToList(),
        };
    }

    private static string StatusOf(TaskState state) => state switch
    {
        TaskState.NotStarted => "Not started",
        TaskState.InProgress => "In progress",
        TaskState.Completed => "Completed",
        TaskState.Waiting => "Waiting on someone else",
        _ => "Deferred",
    };
}
