using System.Diagnostics;
using System.Text;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>What a test Dovecot offers: RFC 7162 change tracking, RFC 5465 NOTIFY, push to a URL.</summary>
internal sealed record DovecotFeatures
{
    public bool ModSeq { get; init; } = true;

    public bool Notify { get; init; } = true;

    public bool Idle { get; init; } = true;

    /// <summary>Whether Drafts, Sent, Trash and Junk exist with RFC 6154 attributes (created and subscribed automatically).</summary>
    public bool SpecialUse { get; init; } = true;

    /// <summary>Where the push_notification OX driver posts new-mail events, or <see langword="null"/>.</summary>
    public string? PushUrl { get; init; }
}

/// <summary>
/// A private Debian Dovecot (2.3) for one test class: its own configuration, users, maildirs,
/// logs and runtime files in a temporary folder, IMAP, LMTP and auth (for Postfix SASL) on free loopback
/// ports, run in the foreground as a child process. It can be stopped and started again on the same ports
/// and data, as a restarted server would be.
/// </summary>
internal sealed class Dovecot : IAsyncDisposable
{
    public const string Domain = "example.test";

    // The mail user the maildirs belong to: Dovecot refuses to run mail processes as root.
    private const string MailUser = "passerelle-vmail";

    // Dovecot 2.3.19's capabilities after login, less what a test turns off.
    private const string Capabilities =
        "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT "
        + "MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC "
        + "ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE "
        + "SAVEDATE LITERAL+ NOTIFY METADATA SPECIAL-USE";

    private readonly string _folder;
    private readonly DovecotFeatures _features;
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly Lock _usersLock = new();
    private Process? _process;

    private Dovecot(string folder, DovecotFeatures features, int[] ports)
    {
        _folder = folder;
        _features = features;
        (ImapPort, LmtpPort, AuthPort) = (ports[0], ports[1], ports[2]);
    }

    public int ImapPort { get; }

    public int LmtpPort { get; }

    public int AuthPort { get; }

    public string LogPath => Path.Combine(_folder, "dovecot.log");

    public static async Task<Dovecot> StartAsync(DovecotFeatures? features = null)
    {
        var folder = TestPaths.NewTemporaryDirectory("dovecot");
        var dovecot = new Dovecot(folder, features ?? new DovecotFeatures(), FreePorts.Take(3));
        await dovecot.PrepareAsync();
        await dovecot.StartAgainAsync();
        return dovecot;
    }

    /// <summary>Adds a user <c>local@example.test</c> with a password; returns the address.</summary>
    public async Task<string> AddUserAsync(string localPart, string password)
    {
        var address = $"{localPart}@{Domain}".ToLowerInvariant();
        lock (_usersLock)
        {
            _users[address] = password;
        }

        await WriteUsersAsync();
        return address;
    }

    public Task SetPasswordAsync(string address, string password) => AddUserAsync(address[..address.IndexOf('@', StringComparison.Ordinal)], password);

    public async Task RemoveUserAsync(string address)
    {
        lock (_usersLock)
        {
            _users.Remove(address);
        }

        await WriteUsersAsync();
    }

    /// <summary>Delivers a message straight to Dovecot's LMTP service, as the mail server's MTA would.</summary>
    public Task DeliverAsync(string recipient, string subject, string body = "Hello.", string from = "someone@outside.test") =>
        Lmtp.DeliverAsync(LmtpPort, from, recipient, Message(from, recipient, subject, body));

    public static string Message(string from, string to, string subject, string body) =>
        $"From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {DateTimeOffset.UtcNow:R}\r\nMessage-ID: <{Guid.NewGuid():N}@outside.test>\r\n\r\n{body}\r\n";

    /// <summary>Kills the server and every process of it, as a crash or an operator's stop would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server (again) on the same ports and data.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("/usr/sbin/dovecot")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-F", "-c", Path.Combine(_folder, "dovecot.conf")])
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (!await FreePorts.WaitUntilListeningAsync(ImapPort, TimeSpan.FromSeconds(15), () => process.HasExited)
            || !await FreePorts.WaitUntilListeningAsync(LmtpPort, TimeSpan.FromSeconds(5), () => process.HasExited))
        {
            var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "";
            throw new InvalidOperationException($"Dovecot did not start: {output}{log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left to the system's temporary folder cleaning
        }
    }

    private async Task PrepareAsync()
    {
        if (!File.Exists("/usr/sbin/dovecot"))
        {
            throw new InvalidOperationException("Dovecot is not installed: run `apt-get install -y dovecot-imapd dovecot-lmtpd` (.ci/run installs it).");
        }

        var (uid, gid) = await MailUserAsync();
        var mail = Path.Combine(_folder, "mail");
        Directory.CreateDirectory(mail);
        Directory.CreateDirectory(Path.Combine(_folder, "run"));
        await RunAsync("chown", $"{uid}:{gid}", mail);
        // The mail user must reach its maildirs through the temporary folders.
        await RunAsync("chmod", "go+x", _folder);
        await WriteUsersAsync();
        // A checkpassword script rather than a passwd-file: Dovecot re-reads a passwd-file at most once a
        // second, so a password a test just changed could still work for a moment.
        var script = Path.Combine(_folder, "checkpassword");
        await File.WriteAllTextAsync(script, $$"""
            #!/bin/bash
            IFS= read -r -d '' user <&3
            IFS= read -r -d '' password <&3
            grep -qxF -- "$user:$password" '{{_folder}}/users' || exit 1
            exec "$@"

            """);
        await RunAsync("chmod", "755", script);
        await File.WriteAllTextAsync(Path.Combine(_folder, "dovecot.conf"), Configuration(uid, gid));
    }

    private string Configuration(int uid, int gid)
    {
        var capabilities = Capabilities.Split(' ')
            .Where(c => _features.ModSeq || c is not ("CONDSTORE" or "QRESYNC"))
            .Where(c => _features.Notify || c != "NOTIFY")
            .Where(c => _features.Idle || c != "IDLE");
        var push = _features.PushUrl is { } url ? $"  push_notification_driver = ox:url={url} user_from_metadata\n" : "";
        return $$"""
            base_dir = {{_folder}}/run
            state_dir = {{_folder}}/run/state
            log_path = {{LogPath}}
            info_log_path = {{LogPath}}
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            protocols = imap lmtp
            first_valid_uid = {{uid}}
            last_valid_uid = {{uid}}
            auth_mechanisms = plain login
            auth_failure_delay = 0
            passdb {
              driver = checkpassword
              args = {{_folder}}/checkpassword
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{_folder}}/mail/%u allow_all_users=yes
            }
            mail_location = maildir:{{_folder}}/mail/%u/Maildir
            mail_plugins = $mail_plugins notify push_notification
            mail_attribute_dict = file:%h/dovecot-attributes
            imap_metadata = yes
            imap_capability = {{string.Join(' ', capabilities)}}
            namespace inbox {
              inbox = yes
              separator = /
            {{(_features.SpecialUse ? SpecialUseMailboxes : "")}}
            }
            service imap-login {
              inet_listener imap {
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service lmtp {
              inet_listener lmtp {
                port = {{LmtpPort}}
              }
            }
            service auth {
              inet_listener auth-inet {
                port = {{AuthPort}}
              }
            }
            plugin {
            {{push}}}
            """;
    }

    private const string SpecialUseMailboxes = """
          mailbox Drafts {
            special_use = \Drafts
            auto = subscribe
          }
          mailbox Sent {
            special_use = \Sent
            auto = subscribe
          }
          mailbox Trash {
            special_use = \Trash
            auto = subscribe
          }
          mailbox Junk {
            special_use = \Junk
            auto = subscribe
          }
        """;

    private async Task WriteUsersAsync()
    {
        string text;
        lock (_usersLock)
        {
            text = string.Concat(_users.Select(user => $"{user.Key}:{user.Value}\n"));
        }

        var path = Path.Combine(_folder, "users");
        var temporary = path + ".new";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static async Task<(int Uid, int Gid)> MailUserAsync()
    {
        if (await TryRunAsync("id", "-u", MailUser) is not { } uid)
        {
            await RunAsync("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", MailUser);
            uid = await RunAsync("id", "-u", MailUser);
        }

        return (int.Parse(uid.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse((await RunAsync("id", "-g", MailUser)).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static async Task<string> RunAsync(string command, params string[] arguments) =>
        await TryRunAsync(command, arguments) ?? throw new InvalidOperationException($"`{command} {string.Join(' ', arguments)}` failed.");

    private static async Task<string?> TryRunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : null;
    }
}
