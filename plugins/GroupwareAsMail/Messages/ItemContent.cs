using Passerelle.Sdk.Groupware;

namespace Passerelle.GroupwareAsMail.Messages;

/// <summary>What one groupware item says as a message: subject, body in plain text and HTML, importance, recipients.</summary>
internal sealed record ItemContent(string Subject, string Text, string Html)
{
    public Importance Importance { get; init; } = Importance.Normal;

    public IReadOnlyList<Attendee> To { get; init; } = [];

    /// <summary>The item's attachments, under the names the message gives them.</summary>
    public IReadOnlyList<(ItemAttachment Attachment, string Name, string ContentType)> Attachments { get; init; } = [];
}
