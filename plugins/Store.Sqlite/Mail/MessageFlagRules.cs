using Passerelle.Sdk.Mail;

namespace Passerelle.Store.Sqlite.Mail;

/// <summary>
/// How a <see cref="MessageUpdate"/> changes a message: flags first, then the follow-up flag (its status sets
/// or clears <see cref="MessageFlags.Flagged"/>) and the last verb (it sets Answered or Forwarded), as the SDK
/// describes. Follow-up details are kept only while the flag is active or complete.
/// </summary>
internal static class MessageFlagRules
{
    public static MessageMetadata Apply(MessageMetadata current, MessageUpdate update)
    {
        var flags = (current.Flags | update.AddFlags) & ~update.RemoveFlags;
        var followUp = current.FollowUp;
        if (update.FollowUp is { } newFollowUp)
        {
            followUp = newFollowUp.Status == FollowUpStatus.Cleared ? null : newFollowUp;
            flags = newFollowUp.Status == FollowUpStatus.Active ? flags | MessageFlags.Flagged : flags & ~MessageFlags.Flagged;
        }
        else if (flags.HasFlag(MessageFlags.Flagged) && followUp?.Status != FollowUpStatus.Active)
        {
            followUp = (followUp ?? new FollowUpFlag(FollowUpStatus.Active)) with { Status = FollowUpStatus.Active };
        }
        else if (!flags.HasFlag(MessageFlags.Flagged) && followUp?.Status == FollowUpStatus.Active)
        {
            followUp = null;
        }

        var lastVerb = current.LastVerb;
        if (update.LastVerb is { } verb)
        {
            lastVerb = verb;
            flags |= verb.Verb == MessageVerb.Forward ? MessageFlags.Forwarded : MessageFlags.Answered;
        }

        var keywords = update.Keywords is null
            ? current.Keywords
            : update.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new MessageMetadata(flags, keywords, followUp, lastVerb);
    }

    /// <summary>The follow-up flag as reported: the kept one, else derived from the Flagged bit.</summary>
    public static FollowUpFlag? ReportedFollowUp(MessageFlags flags, FollowUpFlag? kept) =>
        kept ?? (flags.HasFlag(MessageFlags.Flagged) ? new FollowUpFlag(FollowUpStatus.Active) : null);

    /// <summary>The last verb as reported: the kept one, else derived from the flags.</summary>
    public static LastVerb? ReportedLastVerb(MessageFlags flags, LastVerb? kept) =>
        kept ?? (flags.HasFlag(MessageFlags.Forwarded) ? new LastVerb(MessageVerb.Forward, null)
            : flags.HasFlag(MessageFlags.Answered) ? new LastVerb(MessageVerb.ReplyToSender, null)
            : null);
}

/// <summary>The changeable part of a message.</summary>
internal sealed record MessageMetadata(MessageFlags Flags, IReadOnlyList<string> Keywords, FollowUpFlag? FollowUp, LastVerb? LastVerb)
{
    public bool SameAs(MessageMetadata other) =>
        Flags == other.Flags
        && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal)
        && Equals(FollowUp, other.FollowUp)
        && Equals(LastVerb, other.LastVerb);
}
