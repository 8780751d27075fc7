using MimeKit;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>Header fields as EAS shows them (MS-ASEMAIL 2.2.2).</summary>
internal static class Envelope
{
    /// <summary>An address list as RFC 5322 text, names decoded; null when empty.</summary>
    public static string? Addresses(InternetAddressList list) => list.Count == 0 ? null : list.ToString();

    /// <summary>email:DisplayTo: the To names (the address where there is none), separated by "; ".</summary>
    public static string? DisplayTo(MimeMessage message)
    {
        var names = message.To.Mailboxes.Select(m => string.IsNullOrWhiteSpace(m.Name) ? m.Address : m.Name).ToList();
        return names.Count == 0 ? null : string.Join("; ", names);
    }

    /// <summary>email:ThreadTopic: the Thread-Topic header, else the subject without prefixes.</summary>
    public static string ThreadTopic(MimeMessage message) =>
        message.Headers["Thread-Topic"] is { Length: > 0 } topic ? topic.Trim() : Subjects.WithoutPrefixes(message.Subject ?? "");

    /// <summary>email:Importance 0 low, 1 normal, 2 high: from Importance, else X-Priority, else Priority.</summary>
    public static int Importance(MimeMessage message)
    {
        if (message.Headers.Contains(HeaderId.Importance))
        {
            return (int)message.Importance;
        }

        if (message.Headers.Contains(HeaderId.XPriority))
        {
            return message.XPriority switch
            {
                XMessagePriority.Highest or XMessagePriority.High => 2,
                XMessagePriority.Low or XMessagePriority.Lowest => 0,
                _ => 1,
            };
        }

        return message.Priority switch
        {
            MessagePriority.Urgent => 2,
            MessagePriority.NonUrgent => 0,
            _ => 1,
        };
    }

    /// <summary>Whether any of the addresses is in the list (case-insensitive).</summary>
    public static bool Contains(IEnumerable<MailboxAddress> mailboxes, IReadOnlyList<string> addresses) =>
        mailboxes.Any(m => addresses.Contains(m.Address, StringComparer.OrdinalIgnoreCase));
}
