using System.Text.Json;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

/// <summary>
/// Items are kept as the JSON of the SDK records (polymorphic on "kind", as <see cref="GroupwareItem"/> declares),
/// so that every field, including <see cref="GroupwareItem.Extra"/>, round-trips. What the store owns (id, folder,
/// time, attachments) is stored in columns and set on reading.
/// </summary>
internal static class GroupwareJson
{
    public static string Serialize(GroupwareItem item) =>
        JsonSerializer.Serialize(item with { Id = "", FolderId = "", LastModified = default, Attachments = [] }, StoreJson.Options);

    public static GroupwareItem Deserialize(GroupwareItemRow row, IReadOnlyList<ItemAttachment> attachments) =>
        (JsonSerializer.Deserialize<GroupwareItem>(row.Data, StoreJson.Options)
            ?? throw new InvalidDataException($"Item {row.Id} has no data."))
        with
        {
            Id = RowId.Format(row.Id),
            FolderId = RowId.Format(row.FolderId),
            LastModified = UnixTime.FromMilliseconds(row.LastModified),
            Attachments = attachments,
        };
}
