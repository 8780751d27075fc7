using System.Globalization;
using Passerelle.ActiveSync.State;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Sync;

/// <summary>
/// The Supported element a device sent with a collection's SyncKey 0 (MS-ASCMD 2.2.3.179): the elements it
/// manages, for the ghosting rules of its later changes. Null when it sent none (it manages every element).
/// Kept in a table of its own, created on first use.
/// </summary>
internal sealed class SupportedElements(StateDatabase database)
{
    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS collection_supported (
            account_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            collection_id TEXT NOT NULL,
            tags TEXT NOT NULL,
            PRIMARY KEY (account_id, device_id, collection_id)
        );
        """;

    private const string Where = "account_id = $account AND device_id = $device AND collection_id = $collection";

    public async Task SaveAsync(CollectionScope scope, IReadOnlyList<WbxmlTag>? tags, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Schema, cancellationToken);
        await connection.ExecuteAsync($"DELETE FROM collection_supported WHERE {Where}", cancellationToken, scope.Parameters);
        if (tags is not null)
        {
            var text = string.Join(',', tags.Select(tag => ((tag.Page << 8) | tag.Token).ToString(CultureInfo.InvariantCulture)));
            await connection.ExecuteAsync(
                "INSERT INTO collection_supported (account_id, device_id, collection_id, tags) VALUES ($account, $device, $collection, $tags)",
                cancellationToken, scope.With(("$tags", text)));
        }
    }

    public async Task<IReadOnlySet<WbxmlTag>?> GetAsync(CollectionScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Schema, cancellationToken);
        if (await connection.ScalarAsync($"SELECT tags FROM collection_supported WHERE {Where}", cancellationToken, scope.Parameters) is not string text)
        {
            return null;
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.Parse(part, CultureInfo.InvariantCulture))
            .Select(code => new WbxmlTag((byte)(code >> 8), (byte)(code & 0xFF)))
            .ToHashSet();
    }
}
