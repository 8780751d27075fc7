using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>The parts of an Email item that change after delivery: Read, Flag and Categories (MS-ASEMAIL 2.2.2.34, 2.2.2.11).</summary>
internal static class EmailFlags
{
    /// <summary>A Sync Change for mail: only what can change, since the MIME never does.</summary>
    public static void WriteChange(WbxmlWriter writer, MailMessage message, ProtocolVersion version)
    {
        writer.WriteElement(Email.Read, message.Flags.HasFlag(MessageFlags.Seen) ? 1 : 0);
        WriteFlag(writer, FlagOf(message));
        WriteCategories(writer, message.Keywords);
        if (version >= ProtocolVersion.V140 && VerbOf(message) is { } verb)
        {
            writer.WriteElement(Email2.LastVerbExecuted, (int)verb.Verb);
            if (verb.At is { } at)
            {
                writer.WriteElement(Email2.LastVerbExecutionTime, EasDates.Format(at));
            }
        }
    }

    /// <summary>The follow-up flag: the store's details, else what \Flagged says.</summary>
    public static FollowUpFlag? FlagOf(MailMessage message) =>
        message.FollowUp ?? (message.Flags.HasFlag(MessageFlags.Flagged) ? new FollowUpFlag(FollowUpStatus.Active) { FlagType = "Follow up" } : null);

    /// <summary>The last verb: the store's, else what \Answered and $Forwarded say.</summary>
    public static LastVerb? VerbOf(MailMessage message) =>
        message.LastVerb
        ?? (message.Flags.HasFlag(MessageFlags.Forwarded) ? new LastVerb(MessageVerb.Forward, null)
            : message.Flags.HasFlag(MessageFlags.Answered) ? new LastVerb(MessageVerb.ReplyToSender, null) : null);

    /// <summary>An empty Flag element clears the flag on the device; a set one carries its details.</summary>
    public static void WriteFlag(WbxmlWriter writer, FollowUpFlag? flag)
    {
        if (flag is null || flag.Status == FollowUpStatus.Cleared)
        {
            writer.WriteEmptyElement(Email.Flag);
            return;
        }

        writer.WriteStartElement(Email.Flag);
        writer.WriteElement(Email.Status, (int)flag.Status);
        if (flag.FlagType is { } type)
        {
            writer.WriteElement(Email.FlagType, type);
        }

        Date(writer, Tasks.StartDate, flag.StartDate);
        Date(writer, Tasks.UtcStartDate, flag.UtcStartDate);
        Date(writer, Tasks.DueDate, flag.DueDate);
        Date(writer, Tasks.UtcDueDate, flag.UtcDueDate);
        Date(writer, Email.CompleteTime, flag.CompleteTime);
        Date(writer, Tasks.DateCompleted, flag.DateCompleted);
        if (flag.ReminderSet || flag.ReminderTime is not null)
        {
            writer.WriteElement(Tasks.ReminderSet, flag.ReminderSet ? 1 : 0);
            Date(writer, Tasks.ReminderTime, flag.ReminderTime);
        }

        if (flag.Subject is { } subject)
        {
            writer.WriteElement(Tasks.Subject, subject);
        }

        Date(writer, Tasks.OrdinalDate, flag.OrdinalDate);
        if (flag.SubOrdinalDate is { } sub)
        {
            writer.WriteElement(Tasks.SubOrdinalDate, sub);
        }

        writer.WriteEndElement();
    }

    public static void WriteCategories(WbxmlWriter writer, IReadOnlyList<string> categories)
    {
        if (categories.Count == 0)
        {
            writer.WriteEmptyElement(Email.Categories);
            return;
        }

        writer.WriteStartElement(Email.Categories);
        foreach (var category in categories)
        {
            writer.WriteElement(Email.Category, category);
        }

        writer.WriteEndElement();
    }

    private static void Date(WbxmlWriter writer, WbxmlTag tag, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteElement(tag, EasDates.Format(date));
        }
    }
}
