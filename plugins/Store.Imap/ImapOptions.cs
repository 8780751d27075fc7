namespace Passerelle.Store.Imap;

/// <summary>How a server is reached: the values of <c>Imap:Security</c> and <c>Smtp:Security</c>.</summary>
internal enum ConnectionSecurity
{
    /// <summary>Plain text (loopback or a trusted network only).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed.</summary>
    StartTls,

    /// <summary>TLS from the first byte (ports 993 and 465).</summary>
    SslOnConnect,
}

/// <summary>The IMAP server and how the store uses it, bound from <c>Imap</c>.</summary>
internal sealed class ImapOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 143;

    public ConnectionSecurity Security { get; set; } = ConnectionSecurity.StartTls;

    /// <summary>The IMAP login for an address: <c>{email}</c>, <c>{local}</c> or <c>{domain}</c> placeholders.</summary>
    public string Login { get; set; } = "{email}";

    /// <summary>The longest a single read or write on an IMAP connection may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pooled connections per user for store operations. One more is used by the push watcher; Dovecot allows
    /// 10 per user and client address by default (<c>mail_max_userip_connections</c>).
    /// </summary>
    public int MaxConnectionsPerUser { get; set; } = 4;

    /// <summary>How long an operation waits for a free pooled connection before the store reports itself busy.</summary>
    public TimeSpan PoolWaitTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an unused pooled connection is kept open.</summary>
    public TimeSpan IdleConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a password learned at sign-in is kept in memory without being used for a sign-in again.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a refused login and password pair is answered from memory, without asking the server again.</summary>
    public TimeSpan RefusedLoginMemory { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first wait after the server could not be reached; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts to reach a server that is down.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages larger than this are copied from the server in chunks of this size into a temporary file.</summary>
    public int MessageChunkSize { get; set; } = 1024 * 1024;

    /// <summary>How tombstones of the change tracking fallback (servers without CONDSTORE) are kept.</summary>
    public TimeSpan TombstoneRetention { get; set; } = TimeSpan.FromDays(30);

    public ImapPushOptions Push { get; set; } = new();

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new InvalidOperationException("Stores:Mail is Imap but Imap:Host is not set: give the IMAP server's host name.");
        }

        if (!Login.Contains("{email}", StringComparison.Ordinal) && !Login.Contains("{local}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Imap:Login is '{Login}': it must contain {{email}} or {{local}} (and may contain {{domain}}).");
        }

        if (Port is <= 0 or > 65535 || MaxConnectionsPerUser < 1 || Timeout <= TimeSpan.Zero || MessageChunkSize < 4096
            || ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay || Push.RecheckInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "Imap: Port must be 1-65535, MaxConnectionsPerUser at least 1, MessageChunkSize at least 4096, and Timeout, ReconnectDelay, MaxReconnectDelay and Push:RecheckInterval positive.");
        }
    }

    /// <summary>The IMAP login for an address, by <see cref="Login"/>.</summary>
    public string LoginFor(string address)
    {
        var at = address.LastIndexOf('@');
        return Login
            .Replace("{email}", address, StringComparison.Ordinal)
            .Replace("{local}", address[..at], StringComparison.Ordinal)
            .Replace("{domain}", address[(at + 1)..], StringComparison.Ordinal);
    }
}

/// <summary>How changes reach waiting clients, bound from <c>Imap:Push</c>.</summary>
internal sealed class ImapPushOptions
{
    /// <summary>
    /// Whether one IMAP connection per user with a waiting client watches its folders (NOTIFY, or IDLE and re-checks).
    /// Turn off when Dovecot's push_notification posts to the push endpoint instead.
    /// </summary>
    public bool HoldConnections { get; set; } = true;

    /// <summary>The secret in the push endpoint's path, <c>/imap/push/{secret}</c>; the endpoint answers 404 without it.</summary>
    public string? Secret { get; set; }

    /// <summary>Without NOTIFY, how often the watched folders other than the Inbox are checked with STATUS.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a watching connection stays after its last subscription ends (a phone pings again at once).</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a new subscription waits for the watcher to watch its folders.</summary>
    public TimeSpan ArmTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The SMTP submission server, bound from <c>Smtp</c>.</summary>
internal sealed class SmtpOptions
{
    /// <summary>The host; the IMAP host when not set.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public ConnectionSecurity Security { get; set; } = ConnectionSecurity.StartTls;

    /// <summary>Whether to authenticate with the sending user's own IMAP login and password.</summary>
    public bool Authenticate { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
