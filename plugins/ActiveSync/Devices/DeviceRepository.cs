using Microsoft.Data.Sqlite;
using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Devices;

/// <summary>The device records in activesync.db.</summary>
internal sealed class DeviceRepository(StateDatabase database, TimeProvider time)
{
    private const string Columns =
        "account_id, device_id, device_type, user_agent, protocol_version, model, imei, friendly_name, os, os_language, " +
        "phone_number, mobile_operator, first_sync, last_sync, last_command, access_state, policy_key, pending_policy_key, " +
        "policy_hash, policy_status, policy_acked_at, wipe_status, wipe_account_only, enable_outbound_sms, access_set_by, " +
        "access_reason, wipe_requested_at, wipe_requested_by, policy_notice_hash";

    public async Task<Device?> GetAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            $"SELECT {Columns} FROM devices WHERE account_id = $account AND device_id = $device",
            cancellationToken, ("$account", accountId), ("$device", deviceId));
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Every account's record of a DeviceId, whatever its case (FIELD-NOTES 10: phones vary it).</summary>
    public Task<IReadOnlyList<Device>> FindByDeviceIdAsync(string deviceId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM devices WHERE device_id = $device COLLATE NOCASE ORDER BY account_id",
            cancellationToken, ("$device", deviceId));

    /// <summary>The devices of the server, a domain or an account, optionally in one access state.</summary>
    public Task<IReadOnlyList<Device>> ListAsync(DeviceFilter filter, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            SELECT {Columns} FROM devices
            WHERE ($account IS NULL OR account_id = $account)
              AND ($domain IS NULL OR substr(account_id, instr(account_id, '@') + 1) = $domain)
              AND ($state IS NULL OR access_state = $state)
            ORDER BY account_id, device_id
            """,
            cancellationToken,
            ("$account", filter.AccountId?.ToLowerInvariant()), ("$domain", filter.Domain?.ToLowerInvariant()),
            ("$state", filter.State is { } state ? Name(state) : null));

    public async Task<int> CountAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt32(await connection.ScalarAsync("SELECT COUNT(*) FROM devices WHERE account_id = $account", cancellationToken, ("$account", accountId)), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records a request of a device: creates the record on first contact, then keeps what it last said of itself.</summary>
    public async Task<Device> TouchAsync(string accountId, string deviceId, string deviceType, string? userAgent, string protocolVersion, string command, CancellationToken cancellationToken)
    {
        var now = SqliteExtensions.Text(time.GetUtcNow());
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO devices (account_id, device_id, device_type, user_agent, protocol_version, first_sync, last_sync, last_command)
                VALUES ($account, $device, $type, $agent, $version, $now, $now, $command)
                ON CONFLICT (account_id, device_id) DO UPDATE SET
                    device_type = excluded.device_type,
                    user_agent = COALESCE(excluded.user_agent, devices.user_agent),
                    protocol_version = excluded.protocol_version,
                    last_sync = excluded.last_sync,
                    last_command = excluded.last_command
                """,
                cancellationToken,
                ("$account", accountId), ("$device", deviceId), ("$type", deviceType), ("$agent", userAgent),
                ("$version", protocolVersion), ("$now", now), ("$command", command));
        }

        return (await GetAsync(accountId, deviceId, cancellationToken))!;
    }

    public async Task UpdateInformationAsync(string accountId, string deviceId, DeviceInformation information, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE devices SET
                model = COALESCE($model, model), imei = COALESCE($imei, imei), friendly_name = COALESCE($name, friendly_name),
                os = COALESCE($os, os), os_language = COALESCE($language, os_language), phone_number = COALESCE($phone, phone_number),
                mobile_operator = COALESCE($operator, mobile_operator), user_agent = COALESCE($agent, user_agent),
                enable_outbound_sms = COALESCE($sms, enable_outbound_sms)
            WHERE account_id = $account AND device_id = $device
            """,
            cancellationToken,
            ("$account", accountId), ("$device", deviceId), ("$model", information.Model), ("$imei", information.Imei),
            ("$name", information.FriendlyName), ("$os", information.Os), ("$language", information.OsLanguage),
            ("$phone", information.PhoneNumber), ("$operator", information.MobileOperator), ("$agent", information.UserAgent),
            ("$sms", information.EnableOutboundSms));
    }

    /// <summary>Phase one of Provision: a temporary key the device must acknowledge.</summary>
    public Task SetPendingPolicyKeyAsync(string accountId, string deviceId, uint key, CancellationToken cancellationToken) =>
        UpdateAsync("pending_policy_key = $key", accountId, deviceId, cancellationToken, ("$key", (long)key));

    /// <summary>Phase two of Provision: the device applied the policy; its final key is now current.</summary>
    public Task SetPolicyKeyAsync(string accountId, string deviceId, uint key, string policyHash, string status, CancellationToken cancellationToken) =>
        UpdateAsync(
            "policy_key = $key, pending_policy_key = NULL, policy_hash = $hash, policy_status = $status, policy_acked_at = $now",
            accountId, deviceId, cancellationToken,
            ("$key", (long)key), ("$hash", policyHash), ("$status", status), ("$now", SqliteExtensions.Text(time.GetUtcNow())));

    /// <summary>The device refused or could not apply the policy: it keeps no key, and the notice sent for this policy is remembered.</summary>
    public Task SetPolicyRefusedAsync(string accountId, string deviceId, string status, string? noticeHash, CancellationToken cancellationToken) =>
        UpdateAsync(
            "policy_key = NULL, pending_policy_key = NULL, policy_status = $status, policy_notice_hash = COALESCE($notice, policy_notice_hash)",
            accountId, deviceId, cancellationToken, ("$status", status), ("$notice", noticeHash));

    public Task SetPolicyNoticeAsync(string accountId, string deviceId, string noticeHash, CancellationToken cancellationToken) =>
        UpdateAsync("policy_notice_hash = $notice", accountId, deviceId, cancellationToken, ("$notice", noticeHash));

    public Task SetAccessAsync(string accountId, string deviceId, DeviceAccessState state, AccessDecider setBy, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(
            "access_state = $state, access_set_by = $by, access_reason = $reason",
            accountId, deviceId, cancellationToken,
            ("$state", Name(state)), ("$by", setBy.ToString().ToLowerInvariant()), ("$reason", reason));

    public Task RequestWipeAsync(string accountId, string deviceId, bool accountOnly, string requestedBy, CancellationToken cancellationToken) =>
        UpdateAsync(
            "wipe_status = $status, wipe_account_only = $only, wipe_requested_at = $now, wipe_requested_by = $by",
            accountId, deviceId, cancellationToken,
            ("$status", WipeStatuses.Pending), ("$only", accountOnly ? 1 : 0), ("$now", SqliteExtensions.Text(time.GetUtcNow())), ("$by", requestedBy));

    public Task SetWipeStatusAsync(string accountId, string deviceId, string status, CancellationToken cancellationToken) =>
        UpdateAsync("wipe_status = $status", accountId, deviceId, cancellationToken, ("$status", status));

    /// <summary>Drops a device with all its sync state: its next contact starts a full resync, other devices are untouched.</summary>
    public async Task RemoveAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var table in StateTables.PerDevice)
        {
            await connection.ExecuteAsync(
                $"DELETE FROM {table} WHERE account_id = $account AND device_id = $device",
                cancellationToken, ("$account", accountId), ("$device", deviceId));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A wipe the device acknowledged: remembered after the device itself is removed.</summary>
    public async Task RecordWipeAsync(Device device, string status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO wipe_history (account_id, device_id, device_type, model, account_only, requested_at, requested_by, status, done_at)
            VALUES ($account, $device, $type, $model, $only, $requested, $by, $status, $now)
            """,
            cancellationToken,
            ("$account", device.AccountId), ("$device", device.DeviceId), ("$type", device.DeviceType), ("$model", device.Model),
            ("$only", device.WipeAccountOnly ? 1 : 0), ("$requested", device.WipeRequestedAt is { } at ? SqliteExtensions.Text(at) : null),
            ("$by", device.WipeRequestedBy), ("$status", status), ("$now", SqliteExtensions.Text(time.GetUtcNow())));
    }

    public async Task<IReadOnlyList<WipeRecord>> ListWipesAsync(string? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT account_id, device_id, device_type, model, account_only, requested_by, status, done_at FROM wipe_history
            WHERE $account IS NULL OR account_id = $account ORDER BY id DESC LIMIT 200
            """,
            ("$account", accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var wipes = new List<WipeRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            wipes.Add(new WipeRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.TextOrNull(3), reader.GetInt64(4) != 0, reader.TextOrNull(5), reader.GetString(6), reader.Time(7)));
        }

        return wipes;
    }

    public static string Name(DeviceAccessState state) => state.ToString().ToLowerInvariant();

    private async Task UpdateAsync(string assignments, string accountId, string deviceId, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"UPDATE devices SET {assignments} WHERE account_id = $account AND device_id = $device",
            cancellationToken,
            [("$account", accountId), ("$device", deviceId), .. values]);
    }

    private async Task<IReadOnlyList<Device>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<Device>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(Read(reader));
        }

        return devices;
    }

    private static Device Read(SqliteDataReader reader) => new()
    {
        AccountId = reader.GetString(0),
        DeviceId = reader.GetString(1),
        DeviceType = reader.GetString(2),
        UserAgent = reader.TextOrNull(3),
        ProtocolVersion = reader.TextOrNull(4),
        Model = reader.TextOrNull(5),
        Imei = reader.TextOrNull(6),
        FriendlyName = reader.TextOrNull(7),
        Os = reader.TextOrNull(8),
        OsLanguage = reader.TextOrNull(9),
        PhoneNumber = reader.TextOrNull(10),
        MobileOperator = reader.TextOrNull(11),
        FirstSync = reader.Time(12),
        LastSync = reader.Time(13),
        LastCommand = reader.TextOrNull(14),
        AccessState = Enum.Parse<DeviceAccessState>(reader.GetString(15), ignoreCase: true),
        PolicyKey = reader.Int64OrNull(16) is { } key ? (uint)key : null,
        PendingPolicyKey = reader.Int64OrNull(17) is { } pending ? (uint)pending : null,
        PolicyHash = reader.TextOrNull(18),
        PolicyStatus = reader.TextOrNull(19),
        PolicyAckedAt = reader.TimeOrNull(20),
        WipeStatus = reader.TextOrNull(21),
        WipeAccountOnly = reader.GetInt64(22) != 0,
        EnableOutboundSms = reader.TextOrNull(23),
        AccessSetBy = Enum.Parse<AccessDecider>(reader.GetString(24), ignoreCase: true),
        AccessReason = reader.TextOrNull(25),
        WipeRequestedAt = reader.TimeOrNull(26),
        WipeRequestedBy = reader.TextOrNull(27),
        PolicyNoticeHash = reader.TextOrNull(28),
    };
}

/// <summary>Which devices a listing shows.</summary>
internal sealed record DeviceFilter(string? AccountId = null, string? Domain = null, DeviceAccessState? State = null);

/// <summary>A remote wipe carried out (or found impossible), kept after the device left the list.</summary>
internal sealed record WipeRecord(string AccountId, string DeviceId, string DeviceType, string? Model, bool AccountOnly, string? RequestedBy, string Status, DateTimeOffset DoneAt);
