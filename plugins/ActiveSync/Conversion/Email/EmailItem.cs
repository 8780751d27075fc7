using Passerelle.ActiveSync.Http;
using Passerelle.Sdk.Mail;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>
/// A message as one device gets it (MS-ASEMAIL 2.2.2), read once by <see cref="EmailReader"/>; it holds
/// what it writes and nothing of the MIME source.
/// </summary>
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

    public string ThreadTopic { get; init; } = "";

    /// <summary>0 low, 1 normal, 2 high.</summary>
    public int Importance { get; init; } = 1;

    public bool Read { get; init; }

    public FollowUpFlag? Flag { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    public required EmailBody Body { get; init; }

    public string MessageClass { get; init; } = MessageClassifier.Note;

    public int NativeBodyType { get; init; } = 1;

    public byte[] ConversationId { get; init; } = [];

    public byte[] ConversationIndex { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public LastVerb? LastVerb { get; init; }

    /// <summary>Whether the account got it without being in To or Cc; null when unknown.</summary>
    public bool? ReceivedAsBcc { get; init; }

    /// <summary>The Sender header, when it differs from From.</summary>
    public string? Sender { get; init; }

    public bool IsDraft { get; init; }

    /// <summary>The Bcc of a draft (16.0+).</summary>
    public string? Bcc { get; init; }

    /// <summary>The meeting an invitation or cancellation carries (email:MeetingRequest).</summary>
    public Meetings.Invitation? Meeting { get; init; }

    /// <summary>Writes the children of airsync:ApplicationData for a Sync Add or Fetch, ItemOperations Fetch or Search, in Exchange's order.</summary>
    public void WriteApplicationData(WbxmlWriter writer)
    {
        WriteIf(writer, Email.To, To);
        WriteIf(writer, Email.Cc, Cc);
        WriteIf(writer, Email.From, From);
        WriteIf(writer, Email.ReplyTo, ReplyTo);
        WriteIf(writer, Email.Subject, Subject);
        writer.WriteElement(Email.DateReceived, EasDate.Format(DateReceived));
        WriteIf(writer, Email.DisplayTo, DisplayTo);
        writer.WriteElement(Email.ThreadTopic, ThreadTopic);
        writer.WriteElement(Email.Importance, Importance);
        writer.WriteElement(Email.Read, Read ? 1 : 0);
        if (Attachments.Count > 0)
        {
            writer.WriteStartElement(AirSyncBase.Attachments);
            foreach (var attachment in Attachments)
            {
                attachment.Write(writer);
            }

            writer.WriteEndElement();
        }

        Body.Write(writer);
        writer.WriteElement(Email.MessageClass, MessageClass);
        if (Meeting is { Method: "REQUEST" or "CANCEL" } && MeetingRequestElement.ClassOf(Meeting) == MessageClass)
        {
            MeetingRequestElement.Write(writer, Meeting, Version);
        }

        writer.WriteElement(Email.InternetCPID, 65001); // MS-ASEMAIL 2.2.2.39: every body is sent as UTF-8
        EmailFlags.WriteFlag(writer, Flag);
        writer.WriteElement(Email.ContentClass, "urn:content-classes:message");
        writer.WriteElement(AirSyncBase.NativeBodyType, NativeBodyType);
        if (Version >= ProtocolVersion.V140)
        {
            Write14(writer);
        }

        if (Version >= ProtocolVersion.V160)
        {
            writer.WriteElement(Email2.IsDraft, IsDraft ? 1 : 0);
            WriteIf(writer, Email2.Bcc, IsDraft ? Bcc : null);
        }
    }

    private void Write14(WbxmlWriter writer)
    {
        writer.WriteOpaque(Email2.ConversationId, ConversationId);
        writer.WriteOpaque(Email2.ConversationIndex, ConversationIndex);
        EmailFlags.WriteCategories(writer, Categories, Version);
        if (LastVerb is { } verb)
        {
            writer.WriteElement(Email2.LastVerbExecuted, (int)verb.Verb);
            if (verb.At is { } at)
            {
                writer.WriteElement(Email2.LastVerbExecutionTime, EasDate.Format(at));
            }
        }

        if (ReceivedAsBcc is { } bcc)
        {
            writer.WriteElement(Email2.ReceivedAsBcc, bcc ? 1 : 0);
        }

        WriteIf(writer, Email2.Sender, Sender);
    }

    private static void WriteIf(WbxmlWriter writer, WbxmlTag tag, string? value)
    {
        if (value is not null)
        {
            writer.WriteElement(tag, value);
        }
    }
}
