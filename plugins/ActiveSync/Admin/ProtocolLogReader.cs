using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Admin;

/// <summary>Reads the kept protocol log of a device or a user, newest last, for the API and the console.</summary>
internal sealed class ProtocolLogReader(StateDatabase database)
{
    public async Task<IReadOnlyList<LogEntryView>> ReadAsync(string? deviceId, string? user, int last, CancellationToken cancellationToken)
    {
        if ((deviceId is null) == (user is null))
        {
            throw AdminException.Invalid("name exactly one device or one user");
        }

        var (column, value) = deviceId is not null ? ("device_id", deviceId) : ("account_id", user!.Trim().ToLowerInvariant());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT at, account_id, device_id, entry FROM (SELECT id, at, account_id, device_id, entry FROM protocol_log WHERE {column} = $value ORDER BY id DESC LIMIT $last) ORDER BY id",
            ("$value", value), ("$last", Math.Clamp(last, 1, 5000)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LogEntryView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LogEntryView(reader.Time(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return entries;
    }
}
