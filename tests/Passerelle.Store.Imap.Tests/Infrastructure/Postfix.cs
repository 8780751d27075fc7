using System.Diagnostics;
using System.Text;
using Passerelle.Testing;

namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>
/// A private Debian Postfix for one test class (<c>postfix -c DIR start-fg</c>): its own main.cf, master.cf,
/// queue and data folders in a temporary folder, one smtpd on a free loopback port with SMTP AUTH through
/// Dovecot's auth service, delivering the test domain to Dovecot's LMTP. Unauthenticated mail from loopback
/// is accepted too (mynetworks), as mail "from outside" would be.
/// </summary>
internal sealed class Postfix : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _process;
    private readonly StringBuilder _log = new();

    private Postfix(string folder, int port)
    {
        _folder = folder;
        SmtpPort = port;
    }

    public int SmtpPort { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<Postfix> StartAsync(Dovecot dovecot)
    {
        if (!File.Exists("/usr/sbin/postfix"))
        {
            throw new InvalidOperationException("Postfix is not installed: run `apt-get install -y postfix` (.ci/run installs it).");
        }

        var folder = TestPaths.NewTemporaryDirectory("postfix");
        var postfix = new Postfix(folder, FreePorts.Take(1)[0]);
        await postfix.StartAsync(dovecot.LmtpPort, dovecot.AuthPort);
        return postfix;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left to the system's temporary folder cleaning
        }
    }

    private async Task StartAsync(int lmtpPort, int authPort)
    {
        var conf = Path.Combine(_folder, "conf");
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(conf);
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(_folder, "queue"));
        await Dovecot.RunAsync("chown", "postfix", data);
        await File.WriteAllTextAsync(Path.Combine(conf, "main.cf"), $"""
            compatibility_level = 3.6
            queue_directory = {_folder}/queue
            data_directory = {data}
            mail_owner = postfix
            setgid_group = postdrop
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            myhostname = mx.{Dovecot.Domain}
            mydestination =
            mynetworks = 127.0.0.0/8
            virtual_mailbox_domains = {Dovecot.Domain}
            virtual_transport = lmtp:inet:127.0.0.1:{lmtpPort}
            maillog_file = /dev/stdout
            smtpd_sasl_auth_enable = yes
            smtpd_sasl_type = dovecot
            smtpd_sasl_path = inet:127.0.0.1:{authPort}
            smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
            smtpd_recipient_restrictions = reject_unlisted_recipient
            message_size_limit = 10240000
            alias_maps =
            alias_database =
            biff = no
            """);
        await File.WriteAllTextAsync(Path.Combine(conf, "master.cf"), $"""
            127.0.0.1:{SmtpPort} inet n - n - - smtpd
            pickup    unix  n - n 60 1 pickup
            cleanup   unix  n - n - 0 cleanup
            qmgr      unix  n - n 300 1 qmgr
            rewrite   unix  - - n - - trivial-rewrite
            bounce    unix  - - n - 0 bounce
            defer     unix  - - n - 0 bounce
            trace     unix  - - n - 0 bounce
            verify    unix  - - n - 1 verify
            flush     unix  n - n 1000? 0 flush
            proxymap  unix  - - n - - proxymap
            smtp      unix  - - n - - smtp
            relay     unix  - - n - - smtp
            showq     unix  n - n - - showq
            error     unix  - - n - - error
            retry     unix  - - n - - error
            discard   unix  - - n - - discard
            lmtp      unix  - - n - - lmtp
            anvil     unix  - - n - 1 anvil
            scache    unix  - - n - 1 scache
            postlog   unix-dgram n - n - 1 postlogd

            """);

        var start = new ProcessStartInfo("/usr/sbin/postfix") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-c", conf, "start-fg"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, line) => { lock (_log) { _log.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (_log) { _log.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (!await FreePorts.WaitUntilListeningAsync(SmtpPort, TimeSpan.FromSeconds(20), () => process.HasExited))
        {
            throw new InvalidOperationException($"Postfix did not start: {Log}");
        }
    }
}
