using Passerelle.Sdk.Errors;
using Passerelle.Sdk.Groupware;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Groupware;

internal sealed partial class SqliteGroupwareStore
{
    public async Task<ItemAttachment> AddAttachmentAsync(string accountId, string folderId, string itemId, string name, string contentType, Stream content, CancellationToken cancellationToken)
    {
        await database.ReadAsync(async session => await RequireWritableAsync(session, accountId, folderId), cancellationToken);
        using var staged = await database.Blobs.StageAsync(content, maxSize: null, cancellationToken);
        return await database.WriteAsync(
            async write =>
            {
                var folder = await RequireWritableAsync(write, accountId, folderId);
                var row = await FindItemAsync(write, folder.Id, itemId)
                    ?? throw new ItemNotFoundException($"There is no item {itemId} in folder {folderId}.");
                if (folder.Kind == GroupwareKind.Files)
                {
                    // A file has one content: the new one replaces it.
                    foreach (var blob in await write.QueryAsync("SELECT blob FROM gw_attachments WHERE item_id = $item", reader => reader.GetString(0), ("$item", row.Id)))
                    {
                        write.BlobsToCheck.Add(blob);
                    }

                    await write.ExecuteAsync("DELETE FROM gw_attachments WHERE item_id = $item", ("$item", row.Id));
                }

                write.PlaceBlob(staged);
                var id = await write.ScalarAsync<long>("SELECT ifnull(max(id), 0) + 1 FROM gw_attachments WHERE item_id = $item", ("$item", row.Id));
                var attachmentName = string.IsNullOrWhiteSpace(name) ? "attachment" : name.Trim();
                var type = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim();
                await write.ExecuteAsync(
                    "INSERT INTO gw_attachments (item_id, id, name, content_type, size, blob) VALUES ($item, $id, $name, $type, $size, $blob)",
                    ("$item", row.Id), ("$id", id), ("$name", attachmentName), ("$type", type), ("$size", staged.Size), ("$blob", staged.Hash));
                await TouchItemAsync(write, folder.Id, row.Id);
                return new ItemAttachment(RowId.Format(id), attachmentName, type, staged.Size);
            },
            cancellationToken);
    }

    public async Task<Stream> OpenAttachmentAsync(string accountId, string folderId, string itemId, string attachmentId, CancellationToken cancellationToken)
    {
        var blob = await database.ReadAsync(
            async session =>
            {
                var folder = await RequireFolderAsync(session, accountId, folderId);
                var row = await FindItemAsync(session, folder.Id, itemId);
                return row is null || !RowId.TryParse(attachmentId, out var id)
                    ? null
                    : await session.ScalarAsync<string>("SELECT blob FROM gw_attachments WHERE item_id = $item AND id = $id", ("$item", row.Id), ("$id", id));
            },
            cancellationToken);
        return blob is null
            ? throw new ItemNotFoundException($"There is no attachment {attachmentId} on item {itemId}.")
            : database.Blobs.Open(blob);
    }
}
