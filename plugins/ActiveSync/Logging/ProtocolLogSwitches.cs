using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Logging;

/// <summary>
/// Which users and devices have protocol logging on (<c>user:EMAIL</c>, <c>device:ID</c>); read from the
/// state database at most every two seconds, so that the CLI's switch applies to the running server at once.
/// </summary>
internal sealed class ProtocolLogSwitches(StateDatabase database, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private HashSet<string> _scopes = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task<bool> IsOnAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        var scopes = await ScopesAsync(cancellationToken);
        return scopes.Count > 0 && (scopes.Contains(UserScope(accountId)) || scopes.Contains(DeviceScope(deviceId)));
    }

    public static string UserScope(string accountId) => $"user:{accountId.ToLowerInvariant()}";

    public static string DeviceScope(string deviceId) => $"device:{deviceId}";

    public async Task SetAsync(string scope, bool on, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            on ? "INSERT OR IGNORE INTO protocol_log_switches (scope) VALUES ($scope)" : "DELETE FROM protocol_log_switches WHERE scope = $scope",
            cancellationToken, ("$scope", scope));
        _readAt = DateTimeOffset.MinValue;
    }

    private async Task<HashSet<string>> ScopesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _readAt < CacheFor)
        {
            return _scopes;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT scope FROM protocol_log_switches");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            scopes.Add(reader.GetString(0));
        }

        (_scopes, _readAt) = (scopes, now);
        return scopes;
    }
}
