namespace Passerelle.ActiveSync.Devices;

/// <summary>What a device says of itself in settings:DeviceInformation (Provision or Settings).</summary>
internal sealed record DeviceInformation
{
    public string? Model { get; init; }

    public string? Imei { get; init; }

    public string? FriendlyName { get; init; }

    public string? Os { get; init; }

    public string? OsLanguage { get; init; }

    public string? PhoneNumber { get; init; }

    public string? MobileOperator { get; init; }

    public string? UserAgent { get; init; }

    public string? EnableOutboundSms { get; init; }
}
