using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Sync;

namespace Passerelle.ActiveSync.Conversion.Messages;

/// <summary>How a device wants mail: its version, body preferences, MIME options, and the limits its settings impose.</summary>
internal sealed record EmailOptions
{
    public required ProtocolVersion Version { get; init; }

    public IReadOnlyList<BodyPreference> BodyPreferences { get; init; } = [];

    /// <summary>MIMESupport: 0 never, 1 S/MIME only, 2 always.</summary>
    public int MimeSupport { get; init; }

    /// <summary>12.x MIMETruncation code (MS-ASCMD 2.2.3.109): 0 none of it ... 8 all of it.</summary>
    public int? MimeTruncation { get; init; }

    /// <summary>The account's addresses, to tell a message received as Bcc.</summary>
    public IReadOnlyList<string> AccountAddresses { get; init; } = [];

    /// <summary>A per-device setting: plain text bodies only.</summary>
    public bool TextOnly { get; init; }

    /// <summary>A per-device setting: no attachments listed.</summary>
    public bool NoAttachments { get; init; }

    /// <summary>A per-device setting: attachments larger than this are not listed.</summary>
    public long? MaxAttachmentSize { get; init; }

    /// <summary>A per-device setting or policy: bodies are cut to this many bytes.</summary>
    public long? MaxBodySize { get; init; }
}
