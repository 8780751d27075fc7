using System.Text;
using Passerelle.Sdk.Mail;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Mail;

internal sealed partial class SqliteMailStore
{
    public Task<MailSearchResult> SearchAsync(string accountId, MailSearchQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async session =>
            {
                var scope = query.FolderId is null
                    ? null
                    : query.DeepTraversal
                        ? await SubtreeAsync(session, (await RequireFolderAsync(session, accountId, query.FolderId)).Id)
                        : [(await RequireFolderAsync(session, accountId, query.FolderId)).Id];
                var where = new StringBuilder("f.account_id = $account");
                var parameters = new List<(string, object?)> { ("$account", accountId) };
                if (scope is not null)
                {
                    where.Append(" AND m.folder_id IN (SELECT value FROM json_each($scope))");
                    parameters.Add(("$scope", StoreJson.Serialize(scope)));
                }

                if (query.ReceivedSince is { } since)
                {
                    where.Append(" AND m.received_at >= $since");
                    parameters.Add(("$since", UnixTime.ToMilliseconds(since)));
                }

                if (query.ReceivedBefore is { } before)
                {
                    where.Append(" AND m.received_at < $before");
                    parameters.Add(("$before", UnixTime.ToMilliseconds(before)));
                }

                if (MatchExpression(query.Text) is { } match)
                {
                    where.Append(" AND m.id IN (SELECT rowid FROM message_text WHERE message_text MATCH $match)");
                    parameters.Add(("$match", match));
                }

                var from = $"FROM messages m JOIN mail_folders f ON f.id = m.folder_id WHERE {where}";
                var total = await session.ScalarAsync<int>($"SELECT count(*) {from}", [.. parameters]);
                var messages = await session.QueryAsync(
                    $"SELECT {MessageRow.Columns} {from} ORDER BY m.received_at DESC, m.id DESC LIMIT $limit OFFSET $offset",
                    reader => MessageRow.Read(reader).Message,
                    [.. parameters, ("$limit", Math.Max(0, query.Limit)), ("$offset", Math.Max(0, query.Offset))]);
                return new MailSearchResult(messages, total);
            },
            cancellationToken);

    /// <summary>
    /// Each word of the query as a quoted FTS5 prefix phrase, all required: the user's text is never FTS5
    /// syntax. <c>alice@example.test</c> becomes the phrase "alice example test".
    /// </summary>
    internal static string? MatchExpression(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Any(char.IsLetterOrDigit))
            .Select(word => $"\"{word.Replace("\"", "\"\"", StringComparison.Ordinal)}\"*")
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
