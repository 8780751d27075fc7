using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>The parts of a message a device may change and the server sends again on a change: Read, Flag, Categories.</summary>
internal static class EmailFlags
{
    /// <summary>What Outlook and Exchange call a plain follow-up flag (MS-ASEMAIL 2.2.2.34).</summary>
    public const string DefaultFlagType = "for Follow Up";

    /// <summary>
    /// The follow-up flag to show: the store's details when they agree with the Flagged bit, an active
    /// flag for a bare Flagged bit, a completed flag as the store has it, else none. The bit wins: an
    /// IMAP client may have unflagged a message whose details the store still holds.
    /// </summary>
    public static FollowUpFlag? FollowUpOf(MailMessage message)
    {
        var flagged = message.Flags.HasFlag(MessageFlags.Flagged);
        return (flagged, message.FollowUp) switch
        {
            (true, { Status: FollowUpStatus.Active } details) => details,
            (true, _) => new FollowUpFlag(FollowUpStatus.Active),
            (false, { Status: FollowUpStatus.Complete } details) => details,
            _ => null,
        };
    }

    public static void WriteRead(WbxmlWriter writer, MailMessage message) =>
        writer.WriteElement(Email.Read, message.Flags.HasFlag(MessageFlags.Seen) ? 1 : 0);

    /// <summary>email:Flag; an empty element means no flag (MS-ASEMAIL 2.2.2.34).</summary>
    public static void WriteFlag(WbxmlWriter writer, FollowUpFlag? flag)
    {
        if (flag is null || flag.Status == FollowUpStatus.Cleared)
        {
            writer.WriteEmptyElement(Email.Flag);
            return;
        }

        writer.WriteStartElement(Email.Flag);
        writer.WriteElement(Email.Status, (int)flag.Status);
        writer.WriteElement(Email.FlagType, flag.FlagType ?? DefaultFlagType);
        WriteDate(writer, Tasks.StartDate, flag.StartDate);
        WriteDate(writer, Tasks.UtcStartDate, flag.UtcStartDate);
        WriteDate(writer, Tasks.DueDate, flag.DueDate);
        WriteDate(writer, Tasks.UtcDueDate, flag.UtcDueDate);
        if (flag.Status == FollowUpStatus.Complete)
        {
            WriteDate(writer, Email.CompleteTime, flag.CompleteTime);
            WriteDate(writer, Tasks.DateCompleted, flag.DateCompleted);
        }

        writer.WriteElement(Tasks.ReminderSet, flag.ReminderSet ? 1 : 0);
        if (flag.ReminderSet)
        {
            WriteDate(writer, Tasks.ReminderTime, flag.ReminderTime);
        }

        if (flag.Subject is { Length: > 0 } subject)
        {
            writer.WriteElement(Tasks.Subject, subject);
        }

        WriteDate(writer, Tasks.OrdinalDate, flag.OrdinalDate);
        if (flag.SubOrdinalDate is { Length: > 0 } subOrdinal)
        {
            writer.WriteElement(Tasks.SubOrdinalDate, subOrdinal);
        }

        writer.WriteEndElement();
    }

    /// <summary>email:Categories (14.0+); empty when there are none, so that a change clears them.</summary>
    public static void WriteCategories(WbxmlWriter writer, IReadOnlyList<string> keywords, ProtocolVersion version)
    {
        if (version < ProtocolVersion.V140)
        {
            return;
        }

        if (keywords.Count == 0)
        {
            writer.WriteEmptyElement(Email.Categories);
            return;
        }

        writer.WriteStartElement(Email.Categories);
        foreach (var keyword in keywords)
        {
            writer.WriteElement(Email.Category, keyword);
        }

        writer.WriteEndElement();
    }

    private static void WriteDate(WbxmlWriter writer, WbxmlTag tag, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteElement(tag, EasDate.Format(date));
        }
    }
}
