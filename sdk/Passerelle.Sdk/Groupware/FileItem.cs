using System.Text.Json.Serialization;

namespace Passerelle.Sdk.Groupware;

/// <summary>
/// A file of a files folder. Its content is its single attachment
/// (<see cref="GroupwareItem.Attachments"/>[0]), added with <see cref="IGroupwareStore.AddAttachmentAsync"/>.
/// </summary>
public sealed record FileItem : GroupwareItem
{
    /// <inheritdoc />
    [JsonIgnore]
    public override GroupwareKind Kind => GroupwareKind.Files;

    /// <summary>The file name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The media type.</summary>
    public string ContentType { get; init; } = "application/octet-stream";

    /// <summary>The size of the content in bytes.</summary>
    public long Size => Attachments.Count > 0 ? Attachments[0].Size : 0;
}
