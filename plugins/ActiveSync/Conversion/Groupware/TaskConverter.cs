using System.Globalization;
using Passerelle.ActiveSync.Folders;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using Base = Passerelle.ActiveSync.Wbxml.CodePages.AirSyncBase;
using T = Passerelle.ActiveSync.Wbxml.CodePages.Tasks;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// Tasks (MS-ASTASK 2.2.2). A date comes twice, local (StartDate, written with a Z all the same) and UTC
/// (UtcStartDate): the store keeps one DateTimeOffset whose clock is the local time and whose offset is the
/// difference. FilterType 8 sends incomplete tasks only.
/// </summary>
internal sealed class TaskConverter : IGroupwareConverter
{
    public const string OrdinalKey = "eas:OrdinalDate";
    public const string SubOrdinalKey = "eas:SubOrdinalDate";

    public EasClass Class => EasClass.Tasks;

    public GroupwareKind Kind => GroupwareKind.Tasks;

    public bool InFilter(GroupwareItem item, CollectionContext context) => context.Options.FilterType != 8 || !((TaskItem)item).IsComplete;

    public DateTimeOffset? SortDate(GroupwareItem item) => ((TaskItem)item).DueDate ?? item.LastModified;

    public void Write(WbxmlWriter writer, GroupwareItem item, GroupwareWriteOptions options)
    {
        var task = (TaskItem)item;
        GroupwareBody.Write(writer, task.Body, null, options.BodyPreferences, options.Version);
        writer.WriteIf(T.Subject, task.Subject);
        writer.WriteElement(T.Importance, (int)task.Importance);
        WriteDates(writer, task.StartDate, T.UtcStartDate, T.StartDate);
        WriteDates(writer, task.DueDate, T.UtcDueDate, T.DueDate);
        writer.WriteList(T.Categories, T.Category, task.Categories);
        if (task.Recurrence is { } recurrence)
        {
            RecurrenceCodec.Task.Write(writer, recurrence, task.Extra, options.Version);
        }

        writer.WriteElement(T.Complete, task.IsComplete ? 1 : 0);
        if (task.IsComplete)
        {
            writer.WriteElement(T.DateCompleted, EasDate.Format(task.DateCompleted ?? task.LastModified));
        }

        writer.WriteElement(T.Sensitivity, (int)task.Sensitivity);
        if (task.ReminderTime is { } reminder)
        {
            writer.WriteElement(T.ReminderTime, EasDate.Format(reminder));
        }

        writer.WriteElement(T.ReminderSet, task.ReminderTime is null ? 0 : 1);
        writer.WriteIf(T.OrdinalDate, task.Extra.GetValueOrDefault(OrdinalKey));
        writer.WriteIf(T.SubOrdinalDate, task.Extra.GetValueOrDefault(SubOrdinalKey));
    }

    public GroupwareItem Read(IncomingItem incoming, GroupwareItem? current, ProtocolVersion version)
    {
        var old = current as TaskItem ?? new TaskItem();
        var data = incoming.Data;
        var extra = RecurrenceCodec.WithoutRecurrenceExtra(old.Extra);
        var recurrence = RecurrenceCodec.Task.Read(data.Element(T.Recurrence));
        foreach (var (key, value) in recurrence?.Extra ?? [])
        {
            extra[key] = value;
        }

        CalendarConverter.SetExtra(extra, OrdinalKey, incoming.Text(T.OrdinalDate, old.Extra.GetValueOrDefault(OrdinalKey)));
        CalendarConverter.SetExtra(extra, SubOrdinalKey, incoming.Text(T.SubOrdinalDate, old.Extra.GetValueOrDefault(SubOrdinalKey)));
        var complete = incoming.Flag(T.Complete, old.IsComplete);
        var body = GroupwareBody.Read(data);
        var reminderSet = incoming.Flag(T.ReminderSet, old.ReminderTime is not null);
        return old with
        {
            Body = body is { } given ? given.Text : incoming.KeepsAlways(Base.Body) ? old.Body : null,
            Subject = incoming.Text(T.Subject, old.Subject),
            Importance = (Importance)Math.Clamp(incoming.Int(T.Importance, (int)old.Importance) ?? 1, 0, 2),
            StartDate = ReadDates(incoming, T.UtcStartDate, T.StartDate, old.StartDate),
            DueDate = ReadDates(incoming, T.UtcDueDate, T.DueDate, old.DueDate),
            Categories = incoming.List(T.Categories, T.Category, old.Categories),
            Recurrence = recurrence?.Rule ?? (incoming.Keeps(T.Recurrence) ? old.Recurrence : null),
            State = complete ? TaskState.Completed : old.IsComplete ? TaskState.NotStarted : old.State,
            PercentComplete = complete ? 100 : old.IsComplete ? 0 : old.PercentComplete,
            DateCompleted = complete ? incoming.Date(T.DateCompleted, old.DateCompleted) ?? old.DateCompleted ?? DateTimeOffset.UtcNow : null,
            Sensitivity = (Sensitivity)Math.Clamp(incoming.Int(T.Sensitivity, (int)old.Sensitivity) ?? 0, 0, 3),
            ReminderTime = reminderSet ? incoming.Date(T.ReminderTime, old.ReminderTime) : null,
            Extra = extra,
        };
    }

    private static void WriteDates(WbxmlWriter writer, DateTimeOffset? value, WbxmlTag utcTag, WbxmlTag localTag)
    {
        if (value is not { } date)
        {
            return;
        }

        writer.WriteElement(utcTag, EasDate.Format(date));
        writer.WriteElement(localTag, date.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset? ReadDates(IncomingItem incoming, WbxmlTag utcTag, WbxmlTag localTag, DateTimeOffset? current)
    {
        var utc = incoming.Date(utcTag, null);
        var local = incoming.Date(localTag, null);
        if (utc is null && local is null)
        {
            return incoming.Keeps(utcTag) || incoming.Keeps(localTag) ? current : null;
        }

        if (utc is not { } instant)
        {
            return local;
        }

        var offset = local is { } clock ? clock - instant : TimeSpan.Zero;
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset.Duration() > TimeSpan.FromHours(14))
        {
            offset = TimeSpan.Zero;
        }

        return instant.ToOffset(offset);
    }
}
