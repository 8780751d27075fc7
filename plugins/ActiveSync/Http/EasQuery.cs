namespace Passerelle.ActiveSync.Http;

/// <summary>
/// The request line of an EAS command, from the plain query (<c>Cmd=Sync&amp;User=...&amp;DeviceId=...</c>)
/// or from the base64-encoded binary query of MS-ASHTTP 2.2.1.1.1.1.
/// </summary>
internal sealed record EasQuery
{
    public required string Command { get; init; }

    public string? User { get; init; }

    public required string DeviceId { get; init; }

    public required string DeviceType { get; init; }

    /// <summary>From the base64 query; otherwise the MS-ASProtocolVersion header gives it.</summary>
    public string? ProtocolVersion { get; init; }

    /// <summary>From the base64 query; otherwise the X-MS-PolicyKey header gives it.</summary>
    public uint? PolicyKey { get; init; }

    public string? AttachmentName { get; init; }

    public string? CollectionId { get; init; }

    public string? ItemId { get; init; }

    public string? LongId { get; init; }

    public string? Occurrence { get; init; }

    public bool SaveInSent { get; init; }

    public bool AcceptMultiPart { get; init; }

    public bool IsBase64 { get; init; }
}
