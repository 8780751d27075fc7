using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>A message as an EAS Email item: what a Sync Add, a Fetch, an ItemOperations Fetch or a Search result carries.</summary>
internal sealed record EmailItem
{
    public required ProtocolVersion Version { get; init; }

    public string? To { get; init; }

    public string? Cc { get; init; }

    public string? From { get; init; }

    public string? ReplyTo { get; init; }

    public string? Subject { get; init; }

    public required DateTimeOffset DateReceived { get; init; }

    public string? DisplayTo { get; init; }

    public string? ThreadTopic { get; init; }

    public int Importance { get; init; } = 1;

    public bool Read { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    public EmailBody? Body { get; init; }

    public string MessageClass { get; init; } = "IPM.Note";

    public int NativeBodyType { get; init; } = 1;

    public FollowUpFlag? Flag { get; init; }

    public byte[]? ConversationId { get; init; }

    public byte[]? ConversationIndex { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public LastVerb? LastVerb { get; init; }

    public bool ReceivedAsBcc { get; init; }

    public string? Sender { get; init; }

    /// <summary>Writes the children of ApplicationData, in the order of the MS-ASEMAIL schema.</summary>
    public void WriteApplicationData(WbxmlWriter writer)
    {
        WriteIfAny(writer, Email.To, To);
        WriteIfAny(writer, Email.Cc, Cc);
        WriteIfAny(writer, Email.From, From);
        WriteIfAny(writer, Email.Subject, Subject);
        WriteIfAny(writer, Email.ReplyTo, ReplyTo);
        writer.WriteElement(Email.DateReceived, EasDates.Format(DateReceived));
        WriteIfAny(writer, Email.DisplayTo, DisplayTo);
        WriteIfAny(writer, Email.ThreadTopic, ThreadTopic);
        writer.WriteElement(Email.Importance, Importance);
        writer.WriteElement(Email.Read, Read ? 1 : 0);
        WriteAttachments(writer);
        WriteBody(writer);
        writer.WriteElement(Email.MessageClass, MessageClass);
        writer.WriteElement(Email.InternetCPID, 65001);
        EmailFlags.WriteFlag(writer, Flag);
        writer.WriteElement(Email.ContentClass, "urn:content-classes:message");
        writer.WriteElement(AirSyncBase.NativeBodyType, NativeBodyType);
        if (Version >= ProtocolVersion.V140)
        {
            if (ConversationId is { } conversation)
            {
                writer.WriteOpaque(Email2.ConversationId, conversation);
            }

            if (ConversationIndex is { } index)
            {
                writer.WriteOpaque(Email2.ConversationIndex, index);
            }
        }

        EmailFlags.WriteCategories(writer, Categories);
        if (Version >= ProtocolVersion.V140)
        {
            if (LastVerb is { } verb)
            {
                writer.WriteElement(Email2.LastVerbExecuted, (int)verb.Verb);
                if (verb.At is { } at)
                {
                    writer.WriteElement(Email2.LastVerbExecutionTime, EasDates.Format(at));
                }
            }

            writer.WriteElement(Email2.ReceivedAsBcc, ReceivedAsBcc ? 1 : 0);
            WriteIfAny(writer, Email2.Sender, Sender);
        }
    }

    private void WriteAttachments(WbxmlWriter writer)
    {
        if (Attachments.Count == 0)
        {
            return;
        }

        writer.WriteStartElement(AirSyncBase.Attachments);
        foreach (var attachment in Attachments)
        {
            writer.WriteStartElement(AirSyncBase.Attachment);
            writer.WriteElement(AirSyncBase.DisplayName, attachment.DisplayName);
            writer.WriteElement(AirSyncBase.FileReference, attachment.FileReference);
            writer.WriteElement(AirSyncBase.Method, attachment.Method);
            writer.WriteElement(AirSyncBase.EstimatedDataSize, attachment.EstimatedDataSize);
            if (attachment.ContentId is { } contentId)
            {
                writer.WriteElement(AirSyncBase.ContentId, contentId);
            }

            if (attachment.IsInline)
            {
                writer.WriteElement(AirSyncBase.IsInline, 1);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private void WriteBody(WbxmlWriter writer)
    {
        if (Body is not { } body)
        {
            return;
        }

        writer.WriteStartElement(AirSyncBase.Body);
        writer.WriteElement(AirSyncBase.Type, body.Type);
        writer.WriteElement(AirSyncBase.EstimatedDataSize, body.EstimatedDataSize);
        if (body.Truncated)
        {
            writer.WriteElement(AirSyncBase.Truncated, 1);
        }

        if (body.AsOpaque is { } bytes)
        {
            writer.WriteOpaque(AirSyncBase.Data, bytes);
        }
        else if (body.Data is { } data)
        {
            writer.WriteElement(AirSyncBase.Data, data);
        }

        if (body.Preview is { } preview && Version >= ProtocolVersion.V140)
        {
            writer.WriteElement(AirSyncBase.Preview, preview);
        }

        writer.WriteEndElement();
    }

    private static void WriteIfAny(WbxmlWriter writer, WbxmlTag tag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteElement(tag, value);
        }
    }
}
