using MailKit;
using MimeKit;
using Passerelle.Sdk.Mail;
using ImapFlags = MailKit.MessageFlags;
using SdkFlags = Passerelle.Sdk.Mail.MessageFlags;

namespace Passerelle.Store.Imap.Mail;

/// <summary>IMAP message summaries as SDK messages, and SDK flags as IMAP flags.</summary>
internal static class MessageMapper
{
    /// <summary>RFC 5550 / common client keyword for a forwarded message; the SDK shows it as a flag.</summary>
    public const string Forwarded = "$Forwarded";

    /// <summary>What a listing fetches for each message.</summary>
    public const MessageSummaryItems Items =
        MessageSummaryItems.UniqueId | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate
        | MessageSummaryItems.Size | MessageSummaryItems.Envelope;

    // Keywords servers and filters set for themselves: not categories, and kept as they are when categories change.
    private static readonly HashSet<string> ServerKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        Forwarded, "$MDNSent", "$Junk", "$NotJunk", "Junk", "NonJunk", "$Phishing", "$SubmitPending", "$Submitted",
    };

    public static MailMessage ToMessage(IMessageSummary summary, string folderId)
    {
        var flags = FromImap(summary.Flags ?? ImapFlags.None, summary.Keywords);
        return new MailMessage(
            summary.UniqueId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            folderId,
            flags,
            summary.InternalDate ?? DateTimeOffset.UnixEpoch,
            (long)(summary.Size ?? 0))
        {
            Keywords = Categories(summary.Keywords),
            FollowUp = flags.HasFlag(SdkFlags.Flagged) ? new FollowUpFlag(FollowUpStatus.Active) : null,
            // IMAP keeps no time and no order: with both flags set, the forward is reported.
            LastVerb = flags.HasFlag(SdkFlags.Forwarded) ? new LastVerb(MessageVerb.Forward, null)
                : flags.HasFlag(SdkFlags.Answered) ? new LastVerb(MessageVerb.ReplyToSender, null)
                : null,
            Envelope = summary.Envelope is { } envelope ? ToEnvelope(envelope) : null,
        };
    }

    public static SdkFlags FromImap(ImapFlags flags, IReadOnlySet<string>? keywords)
    {
        var result = SdkFlags.None;
        result |= flags.HasFlag(ImapFlags.Seen) ? SdkFlags.Seen : 0;
        result |= flags.HasFlag(ImapFlags.Answered) ? SdkFlags.Answered : 0;
        result |= flags.HasFlag(ImapFlags.Flagged) ? SdkFlags.Flagged : 0;
        result |= flags.HasFlag(ImapFlags.Deleted) ? SdkFlags.Deleted : 0;
        result |= flags.HasFlag(ImapFlags.Draft) ? SdkFlags.Draft : 0;
        result |= keywords?.Contains(Forwarded) == true ? SdkFlags.Forwarded : 0;
        return result;
    }

    /// <summary>The IMAP system flags of SDK flags (<see cref="SdkFlags.Forwarded"/> is a keyword, see <see cref="Keywords"/>).</summary>
    public static ImapFlags ToImap(SdkFlags flags)
    {
        var result = ImapFlags.None;
        result |= flags.HasFlag(SdkFlags.Seen) ? ImapFlags.Seen : 0;
        result |= flags.HasFlag(SdkFlags.Answered) ? ImapFlags.Answered : 0;
        result |= flags.HasFlag(SdkFlags.Flagged) ? ImapFlags.Flagged : 0;
        result |= flags.HasFlag(SdkFlags.Deleted) ? ImapFlags.Deleted : 0;
        result |= flags.HasFlag(SdkFlags.Draft) ? ImapFlags.Draft : 0;
        return result;
    }

    public static string[] Keywords(SdkFlags flags) => flags.HasFlag(SdkFlags.Forwarded) ? [Forwarded] : [];

    public static IReadOnlyList<string> Categories(IReadOnlySet<string>? keywords) =>
        keywords is null ? [] : keywords.Where(IsCategory).Select(KeywordCodec.Decode).Order(StringComparer.Ordinal).ToList();

    public static bool IsCategory(string keyword) => !ServerKeywords.Contains(keyword);

    private static MessageEnvelope ToEnvelope(Envelope envelope) => new(
        envelope.Subject,
        Addresses(envelope.From),
        Addresses(envelope.To),
        Addresses(envelope.Cc),
        envelope.Date,
        envelope.MessageId);

    private static string? Addresses(InternetAddressList list) => list.Count == 0 ? null : list.ToString();
}
