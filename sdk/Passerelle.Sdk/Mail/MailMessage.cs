namespace Passerelle.Sdk.Mail;

/// <summary>
/// What a store knows of a message without opening it. The content is read as MIME with
/// <see cref="IMailStore.OpenMessageAsync"/>.
/// </summary>
/// <param name="Id">The message's identifier within its folder, stable while it stays there.</param>
/// <param name="FolderId">The folder holding it.</param>
/// <param name="Flags">Its system flags.</param>
/// <param name="ReceivedAt">When it arrived in the store (IMAP INTERNALDATE).</param>
/// <param name="Size">Its size in bytes, as MIME.</param>
public sealed record MailMessage(string Id, string FolderId, MessageFlags Flags, DateTimeOffset ReceivedAt, long Size)
{
    /// <summary>Its keywords (IMAP keywords, shown as categories).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Follow-up details where the store keeps them; otherwise derived from <see cref="MessageFlags.Flagged"/>.</summary>
    public FollowUpFlag? FollowUp { get; init; }

    /// <summary>The last reply or forward, where the store keeps it; otherwise derived from the flags.</summary>
    public LastVerb? LastVerb { get; init; }

    /// <summary>The main headers, where the store indexed them.</summary>
    public MessageEnvelope? Envelope { get; init; }
}
