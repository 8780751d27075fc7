namespace Passerelle.ActiveSync;

/// <summary>The plugin's settings, bound from <c>Plugins:ActiveSync</c>.</summary>
internal sealed class ActiveSyncOptions
{
    /// <summary>Whether a device must acknowledge the security policy before it may sync (449 / Status 142).
    /// Off by default: a simple policy is offered and non-provisionable devices are allowed. The default
    /// level of the policy setting AllowNonProvisionableDevices, its inverse.</summary>
    public bool RequireProvisioning { get; set; }

    /// <summary>How often a provisioned device must fetch the policy again (Status 143), or zero for never;
    /// the default level of the policy setting DevicePolicyRefreshInterval, rounded up to hours.</summary>
    public TimeSpan PolicyRefreshInterval { get; set; } = TimeSpan.Zero;

    /// <summary>The most devices one account may have; a new one beyond is refused (Status 177). Zero for no limit.</summary>
    public int MaxDevicesPerUser { get; set; } = 20;

    /// <summary>The largest WindowSize honoured, and the window across all collections of one Sync (MS-ASCMD 2.2.3.199).</summary>
    public int MaxWindowSize { get; set; } = 512;

    /// <summary>The largest request body accepted (SendMail with attachments), in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The shortest Ping or Sync heartbeat accepted, in seconds.</summary>
    public int MinHeartbeatSeconds { get; set; } = 60;

    /// <summary>The longest Ping or Sync heartbeat accepted, in seconds (keep proxy timeouts above it).</summary>
    public int MaxHeartbeatSeconds { get; set; } = 1740;

    /// <summary>The most folders one Ping may watch (Status 6 beyond).</summary>
    public int MaxPingFolders { get; set; } = 300;

    /// <summary>How many times an item may fail on a device before it is skipped (FIELD-NOTES 3).</summary>
    public int MaxItemAttempts { get; set; } = 3;

    /// <summary>Answer with what is ready before this, to beat generic Android's 30 s client timeout (FIELD-NOTES 15).</summary>
    public TimeSpan ResponseDeadline { get; set; } = TimeSpan.FromSeconds(25);
}
