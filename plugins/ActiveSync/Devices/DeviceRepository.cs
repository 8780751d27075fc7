using Microsoft.Data.Sqlite;
using Passerelle.ActiveSync.State;

namespace Passerelle.ActiveSync.Devices;

/// <summary>The device records in activesync.db.</summary>
internal sealed class DeviceRepository(StateDatabase database, TimeProvider time)
{
    private const string Columns =
        "account_id, device_id, device_type, user_agent, protocol_version, model, imei, friendly_name, os, os_language, " +
        "phone_number, mobile_operator, first_sync, last_sync, last_command, access_state, policy_key, pending_policy_key, " +
        "policy_hash, policy_status, policy_acked_at, wipe_status, wipe_account_only";

    public async Task<Device?> GetAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM devices WHERE account_id = $account AND device_id = $device",
            ("$account", accountId), ("$device", deviceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<Device>> ListAsync(string? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM devices WHERE $account IS NULL OR account_id = $account ORDER BY account_id, device_id",
            ("$account", accountId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<Device>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(Read(reader));
        }

        return devices;
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
                mobile_operator = COALESCE($operator, mobile_operator), user_agent = COALESCE($agent, user_agent)
            WHERE account_id = $account AND device_id = $device
            """,
            cancellationToken,
            ("$account", accountId), ("$device", deviceId), ("$model", information.Model), ("$imei", information.Imei),
            ("$name", information.FriendlyName), ("$os", information.Os), ("$language", information.OsLanguage),
            ("$phone", information.PhoneNumber), ("$operator", information.MobileOperator), ("$agent", information.UserAgent));
    }

    /// <summary>Phase one of Provision: a temporary key the device must acknowledge.</summary>
    public async Task SetPendingPolicyKeyAsync(string accountId, string deviceId, uint key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE devices SET pending_policy_key = $key WHERE account_id = $account AND device_id = $device",
            cancellationToken, ("$account", accountId), ("$device", deviceId), ("$key", (long)key));
    }

    /// <summary>Phase two of Provision: the device applied the policy; its final key is now current.</summary>
    public async Task SetPolicyKeyAsync(string accountId, string deviceId, uint key, string policyHash, string status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            UPDATE devices SET policy_key = $key, pending_policy_key = NULL, policy_hash = $hash, policy_status = $status, policy_acked_at = $now
            WHERE account_id = $account AND device_id = $device
            """,
            cancellationToken,
            ("$account", accountId), ("$device", deviceId), ("$key", (long)key), ("$hash", policyHash),
            ("$status", status), ("$now", SqliteExtensions.Text(time.GetUtcNow())));
    }

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
    };
}
