using System.Globalization;
using Passerelle.Sdk.Groupware;

namespace Passerelle.ActiveSync.Conversion.ICalendar;

/// <summary>VTODO (RFC 5545 3.6.2) to and from the store's tasks: summary, description, start, due, completion, priority, class, categories.</summary>
internal static class ICalendarTasks
{
    public static IReadOnlyList<TaskItem> Read(string document)
    {
        var tasks = new List<TaskItem>();
        List<ContentLine>? todo = null;
        var zones = new Dictionary<string, string>();
        foreach (var line in ContentLine.ReadAll(document))
        {
            if (line.Name == "BEGIN" && line.Value.Equals("VTODO", StringComparison.OrdinalIgnoreCase))
            {
                todo = [];
            }
            else if (line.Name == "END" && line.Value.Equals("VTODO", StringComparison.OrdinalIgnoreCase) && todo is not null)
            {
                tasks.Add(ReadOne(todo, zones));
                todo = null;
            }
            else
            {
                todo?.Add(line);
            }
        }

        return tasks;
    }

    public static string Write(IEnumerable<TaskItem> tasks)
    {
        var writer = new ContentWriter().Line("BEGIN", "VCALENDAR").Line("VERSION", "2.0").Line("PRODID", "-//Passerelle//ActiveSync//EN");
        foreach (var t in tasks)
        {
            writer.Line("BEGIN", "VTODO").Line("UID", t.Uid ?? Guid.NewGuid().ToString()).Line("DTSTAMP", ICalendarTime.Utc(t.LastModified == default ? DateTimeOffset.UnixEpoch : t.LastModified));
            writer.Text("SUMMARY", t.Subject).Text("DESCRIPTION", t.Body);
            if (t.StartDate is { } start)
            {
                writer.Line("DTSTART", ICalendarTime.Utc(start));
            }

            if (t.DueDate is { } due)
            {
                writer.Line("DUE", ICalendarTime.Utc(due));
            }

            writer.Line("STATUS", t.State switch { TaskState.Completed => "COMPLETED", TaskState.InProgress => "IN-PROCESS", TaskState.Deferred => "CANCELLED", _ => "NEEDS-ACTION" });
            if (t.DateCompleted is { } done)
            {
                writer.Line("COMPLETED", ICalendarTime.Utc(done));
            }

            writer.Line("PERCENT-COMPLETE", t.PercentComplete.ToString(CultureInfo.InvariantCulture));
            writer.Line("PRIORITY", t.Importance switch { Importance.High => "1", Importance.Low => "9", _ => "5" });
            writer.Line("CLASS", t.Sensitivity == Sensitivity.Normal ? "PUBLIC" : t.Sensitivity == Sensitivity.Confidential ? "CONFIDENTIAL" : "PRIVATE");
            if (t.Categories.Count > 0)
            {
                writer.Line("CATEGORIES", string.Join(',', t.Categories.Select(ContentLine.Escape)));
            }

            if (t.Recurrence is { } rule)
            {
                writer.Line("RRULE", RecurrenceRule.Format(rule));
            }

            writer.Line("END", "VTODO");
        }

        return writer.Line("END", "VCALENDAR").ToString();
    }

    private static TaskItem ReadOne(List<ContentLine> lines, Dictionary<string, string> zones)
    {
        ContentLine? Get(string name) => lines.FirstOrDefault(l => l.Name == name);
        DateTimeOffset? Time(string name) => Get(name) is { } line ? ICalendarTime.Parse(line, zones).Instant : null;
        var state = Get("STATUS")?.Value.ToUpperInvariant() switch
        {
            "COMPLETED" => TaskState.Completed,
            "IN-PROCESS" => TaskState.InProgress,
            "CANCELLED" => TaskState.Deferred,
            _ => TaskState.NotStarted,
        };
        var start = Time("DTSTART");
        return new TaskItem
        {
            Uid = Get("UID")?.Value.Trim(),
            Subject = Get("SUMMARY")?.Text,
            Body = Get("DESCRIPTION")?.Text,
            StartDate = start,
            DueDate = Time("DUE"),
            State = state,
            DateCompleted = Time("COMPLETED"),
            PercentComplete = int.TryParse(Get("PERCENT-COMPLETE")?.Value, CultureInfo.InvariantCulture, out var percent) ? percent : state == TaskState.Completed ? 100 : 0,
            Importance = int.TryParse(Get("PRIORITY")?.Value, CultureInfo.InvariantCulture, out var priority) && priority > 0 ? priority < 5 ? Importance.High : priority > 5 ? Importance.Low : Importance.Normal : Importance.Normal,
            Sensitivity = Get("CLASS")?.Value.ToUpperInvariant() switch { "PRIVATE" => Sensitivity.Private, "CONFIDENTIAL" => Sensitivity.Confidential, _ => Sensitivity.Normal },
            Categories = lines.Where(l => l.Name == "CATEGORIES").SelectMany(l => ContentLine.SplitEscaped(l.Value, ',')).Where(c => c.Length > 0).ToList(),
            Recurrence = Get("RRULE") is { } rule && start is { } first ? RecurrenceRule.Parse(rule.Value, first) : null,
        };
    }
}
