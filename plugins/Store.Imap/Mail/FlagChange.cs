using Passerelle.Sdk.Mail;
using ImapFlags = MailKit.MessageFlags;

namespace Passerelle.Store.Imap.Mail;

/// <summary>
/// An SDK message update as two IMAP STOREs: what to add and what to remove. The follow-up flag is
/// <c>\Flagged</c>; the last verb is <c>\Answered</c> or <c>$Forwarded</c>; categories replace the keywords
/// that are categories and leave the server's own keywords alone.
/// </summary>
internal sealed record FlagChange(ImapFlags Add, ImapFlags Remove, HashSet<string> AddKeywords, HashSet<string> RemoveKeywords)
{
    public static FlagChange Of(MessageUpdate update, IReadOnlySet<string>? currentKeywords)
    {
        var add = MessageMapper.ToImap(update.AddFlags);
        var remove = MessageMapper.ToImap(update.RemoveFlags);
        var addKeywords = new HashSet<string>(MessageMapper.Keywords(update.AddFlags), StringComparer.Ordinal);
        var removeKeywords = new HashSet<string>(MessageMapper.Keywords(update.RemoveFlags), StringComparer.Ordinal);

        if (update.FollowUp is { } followUp)
        {
            (add, remove) = followUp.Status == FollowUpStatus.Active
                ? (add | ImapFlags.Flagged, remove & ~ImapFlags.Flagged)
                : (add & ~ImapFlags.Flagged, remove | ImapFlags.Flagged);
        }

        if (update.LastVerb is { } verb)
        {
            if (verb.Verb == MessageVerb.Forward)
            {
                addKeywords.Add(MessageMapper.Forwarded);
                removeKeywords.Remove(MessageMapper.Forwarded);
            }
            else
            {
                (add, remove) = (add | ImapFlags.Answered, remove & ~ImapFlags.Answered);
            }
        }

        if (update.Keywords is { } categories)
        {
            var wanted = categories.Where(category => category.Length > 0).Select(KeywordCodec.Encode).ToHashSet(StringComparer.Ordinal);
            foreach (var keyword in (currentKeywords ?? new HashSet<string>()).Where(MessageMapper.IsCategory))
            {
                if (!wanted.Remove(keyword))
                {
                    removeKeywords.Add(keyword);
                }
            }

            addKeywords.UnionWith(wanted);
        }

        return new FlagChange(add, remove, addKeywords, removeKeywords);
    }
}
