using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>What a device gets of a message: the version it speaks, the bodies it asked for, and the limits its policy sets.</summary>
internal sealed record EmailOptions
{
    /// <summary>The negotiated protocol version.</summary>
    public required ProtocolVersion Version { get; init; }

    public IReadOnlyList<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>MIMESupport: 0 never MIME, 1 for S/MIME only, 2 always.</summary>
    public int MimeSupport { get; init; }

    /// <summary>MIMETruncation code 0-8 (MS-ASCMD 2.2.3.109), for MIME without a type 4 BodyPreference.</summary>
    public int? MimeTruncation { get; init; }

    /// <summary>Policy AllowHTMLEmail off: plain text only (no HTML, no MIME).</summary>
    public bool TextOnly { get; init; }

    /// <summary>Policy AttachmentsEnabled off: no attachment is listed.</summary>
    public bool NoAttachments { get; init; }

    /// <summary>Policy MaxAttachmentSize: larger attachments are not listed.</summary>
    public long? MaxAttachmentSize { get; init; }

    /// <summary>Policy MaxEmailBodyTruncationSize, in bytes: no body is sent longer than this.</summary>
    public long? MaxBodySize { get; init; }

    /// <summary>The account's own addresses, to tell ReceivedAsBcc; empty leaves it out.</summary>
    public IReadOnlyList<string> AccountAddresses { get; init; } = [];

    /// <summary>The options a collection's Sync Options give.</summary>
    public static EmailOptions For(SyncOptions options, ProtocolVersion version) => new()
    {
        Version = version,
        BodyPreferences = options.BodyPreferences,
        MimeSupport = options.MimeSupport,
        MimeTruncation = options.MimeTruncation,
    };

    /// <summary>Whether an attachment of this size may be listed.</summary>
    public bool Allows(long attachmentSize) => !NoAttachments && (MaxAttachmentSize is not { } max || attachmentSize <= max);
}
