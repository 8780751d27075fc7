using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>
/// A device's Change to a mail item: Read, Flag and Categories (MS-ASEMAIL 3.1.5.3). The rest of a mail item
/// cannot change; anything else sent is ignored (the server wins for content).
/// </summary>
internal static class EmailChangeReader
{
    public static MessageUpdate Read(WbxmlElement applicationData)
    {
        var update = new MessageUpdate();
        if (applicationData.Value(Email.Read) is { } read)
        {
            update = read.Trim() == "1" ? update with { AddFlags = MessageFlags.Seen } : update with { RemoveFlags = MessageFlags.Seen };
        }

        if (applicationData.Element(Email.Flag) is { } flag)
        {
            update = update with { FollowUp = ReadFlag(flag) };
        }

        if (applicationData.Element(Email.Categories) is { } categories)
        {
            update = update with { Keywords = categories.Elements(Email.Category).Select(c => c.Text ?? "").Where(c => c.Length > 0).ToList() };
        }

        return update;
    }

    /// <summary>An empty Flag clears the flag (MS-ASEMAIL 2.2.2.34).</summary>
    private static FollowUpFlag ReadFlag(WbxmlElement flag)
    {
        var status = flag.Int(Email.Status) switch
        {
            1 => FollowUpStatus.Complete,
            2 => FollowUpStatus.Active,
            _ => FollowUpStatus.Cleared,
        };
        return new FollowUpFlag(status)
        {
            FlagType = flag.Value(Email.FlagType),
            StartDate = EasDates.Parse(flag.Value(Tasks.StartDate)),
            UtcStartDate = EasDates.Parse(flag.Value(Tasks.UtcStartDate)),
            DueDate = EasDates.Parse(flag.Value(Tasks.DueDate)),
            UtcDueDate = EasDates.Parse(flag.Value(Tasks.UtcDueDate)),
            CompleteTime = EasDates.Parse(flag.Value(Email.CompleteTime)),
            DateCompleted = EasDates.Parse(flag.Value(Tasks.DateCompleted)),
            ReminderSet = flag.Value(Tasks.ReminderSet) == "1",
            ReminderTime = EasDates.Parse(flag.Value(Tasks.ReminderTime)),
            Subject = flag.Value(Tasks.Subject),
            OrdinalDate = EasDates.Parse(flag.Value(Tasks.OrdinalDate)),
            SubOrdinalDate = flag.Value(Tasks.SubOrdinalDate),
        };
    }
}
