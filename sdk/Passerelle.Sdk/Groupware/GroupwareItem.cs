using System.Text.Json.Serialization;

namespace Passerelle.Sdk.Groupware;

/// <summary>
/// An item of a groupware folder. Each kind of folder holds one kind of item:
/// <see cref="Contact"/>, <see cref="CalendarEvent"/>, <see cref="TaskItem"/>, <see cref="Note"/>, <see cref="FileItem"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Contact), "contact")]
[JsonDerivedType(typeof(CalendarEvent), "event")]
[JsonDerivedType(typeof(TaskItem), "task")]
[JsonDerivedType(typeof(Note), "note")]
[JsonDerivedType(typeof(FileItem), "file")]
public abstract record GroupwareItem
{
    /// <summary>The item's identifier in its folder; empty for an item not stored yet.</summary>
    public string Id { get; init; } = "";

    /// <summary>The folder holding the item; empty for an item not stored yet.</summary>
    public string FolderId { get; init; } = "";

    /// <summary>A globally unique identifier (vCard UID, iCalendar UID); the store assigns one when missing.</summary>
    public string? Uid { get; init; }

    /// <summary>When the item was last changed; set by the store.</summary>
    public DateTimeOffset LastModified { get; init; }

    /// <summary>Its categories.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Files attached to it; their content is read with <see cref="IGroupwareStore.OpenAttachmentAsync"/>.</summary>
    public IReadOnlyList<ItemAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Properties the model has no field for, kept as they came (a client's or a file format's extra
    /// data), so that a round trip through the store loses nothing.
    /// </summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder kind that holds this kind of item.</summary>
    [JsonIgnore]
    public abstract GroupwareKind Kind { get; }
}

/// <summary>A file attached to a groupware item.</summary>
/// <param name="Id">The attachment's identifier within its item.</param>
/// <param name="Name">The file name.</param>
/// <param name="ContentType">The media type.</param>
/// <param name="Size">The size in bytes.</param>
public sealed record ItemAttachment(string Id, string Name, string ContentType, long Size)
{
    /// <summary>The Content-ID of an inline attachment.</summary>
    public string? ContentId { get; init; }
}
