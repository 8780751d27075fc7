namespace Passerelle.ActiveSync.Devices;

/// <summary>A device of an account, as recorded at each request and from DeviceInformation.</summary>
internal sealed record Device
{
    public required string AccountId { get; init; }

    public required string DeviceId { get; init; }

    public required string DeviceType { get; init; }

    public string? UserAgent { get; init; }

    public string? ProtocolVersion { get; init; }

    public string? Model { get; init; }

    public string? Imei { get; init; }

    public string? FriendlyName { get; init; }

    public string? Os { get; init; }

    public string? OsLanguage { get; init; }

    public string? PhoneNumber { get; init; }

    public string? MobileOperator { get; init; }

    public string? EnableOutboundSms { get; init; }

    public DateTimeOffset FirstSync { get; init; }

    public DateTimeOffset LastSync { get; init; }

    public string? LastCommand { get; init; }

    public DeviceAccessState AccessState { get; init; } = DeviceAccessState.Allowed;

    /// <summary>Who decided <see cref="AccessState"/>: the access rules (re-evaluated at each request) or an administrator (kept).</summary>
    public AccessDecider AccessSetBy { get; init; } = AccessDecider.Rule;

    /// <summary>Which rule or whom the access state comes from, for the administrator's views.</summary>
    public string? AccessReason { get; init; }

    /// <summary>The policy key the device acknowledged, or null before it provisioned.</summary>
    public uint? PolicyKey { get; init; }

    /// <summary>The temporary key handed out in phase one of Provision, awaiting the device's acknowledgement.</summary>
    public uint? PendingPolicyKey { get; init; }

    /// <summary>A hash of the policy as sent for the device's version, to see when it changes.</summary>
    public string? PolicyHash { get; init; }

    public string? PolicyStatus { get; init; }

    public DateTimeOffset? PolicyAckedAt { get; init; }

    /// <summary>A policy hash the owner and administrators were already told the device failed to apply.</summary>
    public string? PolicyNoticeHash { get; init; }

    /// <summary>The remote wipe requested for the device: <see cref="WipeStatuses"/>, or null when none was.</summary>
    public string? WipeStatus { get; init; }

    public bool WipeAccountOnly { get; init; }

    public DateTimeOffset? WipeRequestedAt { get; init; }

    public string? WipeRequestedBy { get; init; }

    public bool WipePending => WipeStatus == WipeStatuses.Pending;

    /// <summary>A device we answer but do not record (Android's "validate" id during account setup).</summary>
    public bool IsTransient { get; init; }
}

/// <summary>What a device may do.</summary>
internal enum DeviceAccessState
{
    Allowed,
    Blocked,
    Quarantined,
}

/// <summary>Who set a device's access state.</summary>
internal enum AccessDecider
{
    Rule,
    Admin,
}

/// <summary>The states of a remote wipe (MS-ASPROV 3.2.5.1.2): requested and waiting for the device, or impossible on it.</summary>
internal static class WipeStatuses
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string NotSupported = "not supported";
}
