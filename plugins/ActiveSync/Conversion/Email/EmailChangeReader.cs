using System.Globalization;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>
/// A device's Sync Change of a message (MS-ASEMAIL 3.1.5.3): Read, Flag and Categories. Anything else
/// in it is ignored: a message's content is the server's.
/// </summary>
internal static class EmailChangeReader
{
    /// <exception cref="ConversionException">A value is not what the element allows.</exception>
    public static MessageUpdate Read(WbxmlElement applicationData)
    {
        var update = new MessageUpdate();
        if (applicationData.Element(Email.Read) is { } read)
        {
            update = Boolean(read) ? update with { AddFlags = MessageFlags.Seen } : update with { RemoveFlags = MessageFlags.Seen };
        }

        if (applicationData.Element(Email.Flag) is { } flag)
        {
            var followUp = ReadFlag(flag);
            update = followUp.Status == FollowUpStatus.Active
                ? update with { FollowUp = followUp, AddFlags = update.AddFlags | MessageFlags.Flagged }
                : update with { FollowUp = followUp, RemoveFlags = update.RemoveFlags | MessageFlags.Flagged };
        }

        if (applicationData.Element(Email.Categories) is { } categories)
        {
            var keywords = categories.Elements(Email.Category).Select(c => (c.Text ?? "").Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            update = update with { Keywords = keywords };
        }

        return update;
    }

    /// <summary>MS-ASEMAIL 2.2.2.34: an empty Flag clears it; a Flag without a Status is taken as set.</summary>
    private static FollowUpFlag ReadFlag(WbxmlElement flag)
    {
        if (flag.Children.Count == 0)
        {
            return new FollowUpFlag(FollowUpStatus.Cleared);
        }

        var status = flag.Element(Email.Status) is { } element ? Status(element) : FollowUpStatus.Active;
        return new FollowUpFlag(status)
        {
            FlagType = Text(flag, Email.FlagType),
            StartDate = Date(flag, Tasks.StartDate),
            UtcStartDate = Date(flag, Tasks.UtcStartDate),
            DueDate = Date(flag, Tasks.DueDate),
            UtcDueDate = Date(flag, Tasks.UtcDueDate),
            CompleteTime = Date(flag, Email.CompleteTime),
            DateCompleted = Date(flag, Tasks.DateCompleted),
            ReminderSet = flag.Element(Tasks.ReminderSet) is { } reminder && Boolean(reminder),
            ReminderTime = Date(flag, Tasks.ReminderTime),
            Subject = Text(flag, Tasks.Subject),
            OrdinalDate = Date(flag, Tasks.OrdinalDate),
            SubOrdinalDate = Text(flag, Tasks.SubOrdinalDate),
        };
    }

    private static FollowUpStatus Status(WbxmlElement element) => Integer(element) switch
    {
        0 => FollowUpStatus.Cleared,
        1 => FollowUpStatus.Complete,
        2 => FollowUpStatus.Active,
        _ => throw new ConversionException($"Flag Status is '{element.Text}', not 0, 1 or 2"),
    };

    private static bool Boolean(WbxmlElement element) => Integer(element) switch
    {
        0 => false,
        1 => true,
        _ => throw new ConversionException($"{element.Tag} is '{element.Text}', not 0 or 1"),
    };

    private static int Integer(WbxmlElement element) =>
        int.TryParse(element.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConversionException($"{element.Tag} is '{element.Text}', not a number");

    private static string? Text(WbxmlElement parent, WbxmlTag tag) =>
        parent.Value(tag) is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Date(WbxmlElement parent, WbxmlTag tag) =>
        parent.Value(tag) is { Length: > 0 } text ? EasDate.Parse(text, tag.ToString()) : null;
}
