namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>An airsyncbase:Attachment (MS-ASAIRS 2.2.2.7).</summary>
/// <param name="FileReference">How ItemOperations fetches it: <c>COLLECTION:ITEM:N</c>.</param>
/// <param name="DisplayName">The file name.</param>
/// <param name="Method">1 a normal attachment, 5 an embedded message, 6 an OLE object.</param>
/// <param name="EstimatedDataSize">Its decoded size, estimated from the encoded one.</param>
/// <param name="ContentId">The Content-ID of an inline part.</param>
/// <param name="IsInline">Whether it is shown inline in the HTML body.</param>
internal sealed record EmailAttachment(string FileReference, string DisplayName, int Method, long EstimatedDataSize, string? ContentId, bool IsInline);
