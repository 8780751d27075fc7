using MimeKit;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Conversion.Email;

using Passerelle.ActiveSync.Wbxml.CodePages;

/// <summary>airsyncbase:Attachment as listed (MS-ASAIRS 2.2.2.7).</summary>
/// <param name="DisplayName">The file name shown.</param>
/// <param name="FileReference">What ItemOperations Fetch asks for: <c>{prefix}:{n}</c>.</param>
/// <param name="Method">1 normal, 5 embedded message, 6 OLE (MS-ASAIRS 2.2.2.31).</param>
/// <param name="EstimatedDataSize">The decoded size in bytes.</param>
/// <param name="ContentId">The Content-Id of an inline part, without angle brackets.</param>
/// <param name="ContentLocation">The Content-Location of an inline part.</param>
/// <param name="IsInline">Whether the HTML body shows it (an inline part with a Content-Id).</param>
internal sealed record EmailAttachment(string DisplayName, string FileReference, int Method, long EstimatedDataSize, string? ContentId, string? ContentLocation, bool IsInline)
{
    public const int NormalAttachment = 1;
    public const int EmbeddedMessage = 5;
    public const int OleAttachment = 6;

    public static EmailAttachment Create(MimeEntity entity, int index, long size, string fileReferencePrefix)
    {
        // Only inline parts carry ContentId/IsInline: some clients (Nine) hide attachments that have a Content-Id.
        var inline = entity.ContentId is not null && entity.ContentDisposition?.Disposition != ContentDisposition.Attachment;
        return new EmailAttachment(
            WbxmlText.Safe(AttachmentCatalog.DisplayName(entity, index)),
            $"{fileReferencePrefix}:{index}",
            MethodOf(entity),
            size,
            inline ? entity.ContentId : null,
            inline ? entity.ContentLocation?.OriginalString : null,
            inline);
    }

    public void Write(WbxmlWriter writer)
    {
        writer.WriteStartElement(AirSyncBase.Attachment);
        writer.WriteElement(AirSyncBase.DisplayName, DisplayName);
        writer.WriteElement(AirSyncBase.FileReference, FileReference);
        writer.WriteElement(AirSyncBase.Method, Method);
        writer.WriteElement(AirSyncBase.EstimatedDataSize, EstimatedDataSize);
        if (ContentId is not null)
        {
            writer.WriteElement(AirSyncBase.ContentId, ContentId);
        }

        if (ContentLocation is not null)
        {
            writer.WriteElement(AirSyncBase.ContentLocation, ContentLocation);
        }

        if (IsInline)
        {
            writer.WriteElement(AirSyncBase.IsInline, 1);
        }

        writer.WriteEndElement();
    }

    // OLE objects exist in MIME only as application/x-oleobject parts (RTF and TNEF are not unpacked).
    private static int MethodOf(MimeEntity entity) =>
        entity is MessagePart ? EmbeddedMessage
        : entity.ContentType.IsMimeType("application", "x-oleobject") ? OleAttachment
        : NormalAttachment;
}
