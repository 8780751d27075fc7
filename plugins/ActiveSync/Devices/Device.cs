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

    public DateTimeOffset FirstSync { get; init; }

    public DateTimeOffset LastSync { get; init; }

    public string? LastCommand { get; init; }

    public DeviceAccessState AccessState { get; init; } = DeviceAccessState.Allowed;

    /// <summary>The policy key the device acknowledged, or null before it provisioned.</summary>
    public uint? PolicyKey { get; init; }

    /// <summary>The temporary key handed out in phase one of Provision, awaiting the device's acknowledgement.</summary>
    public uint? PendingPolicyKey { get; init; }

    /// <summary>A hash of the policy as sent for the device's version, to see when it changes.</summary>
    public string? PolicyHash { get; init; }

    public string? PolicyStatus { get; init; }

    public DateTimeOffset? PolicyAckedAt { get; init; }

    public string? WipeStatus { get; init; }

    public bool WipeAccountOnly { get; init; }

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
