using System.Text.Json.Serialization;

namespace Passerelle.Sdk.Groupware;

/// <summary>A note: a title, a text, and possibly attached files.</summary>
public sealed record Note : GroupwareItem
{
    /// <inheritdoc />
    [JsonIgnore]
    public override GroupwareKind Kind => GroupwareKind.Notes;

    /// <summary>The title.</summary>
    public string? Subject { get; init; }

    /// <summary>The text, as plain text.</summary>
    public string? Body { get; init; }

    /// <summary>The text as HTML, when the note has formatting.</summary>
    public string? HtmlBody { get; init; }
}
