using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Check;

/// <summary>
/// <c>passerelle check</c>: what a phone goes through when it adds the account, step by step, stopping
/// at the first failure with what to fix: TLS certificate, OPTIONS, Provision, FolderSync, a Sync of the
/// Inbox and a short Ping.
/// </summary>
internal sealed class ConnectivityCheck(string login, string password, string deviceId, bool acceptAnyCertificate, CheckReport report)
{
    private X509Certificate2? _certificate;
    private SslPolicyErrors _certificateErrors;

    public async Task RunAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            _certificate = certificate is null ? null : new X509Certificate2(certificate);
            _certificateErrors = errors;
            return acceptAnyCertificate || errors == SslPolicyErrors.None;
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var probe = new EasProbe(http, endpoint, login, password, deviceId);
        try
        {
            if (!await OptionsAsync(http, endpoint, cancellationToken)
                || !await ProvisionAsync(probe, cancellationToken)
                || await FolderSyncAsync(probe, cancellationToken) is not { } inbox
                || !await SyncAsync(probe, inbox, cancellationToken))
            {
                return;
            }

            await PingAsync(probe, inbox, cancellationToken);
        }
        catch (HttpRequestException failure) when (!report.Failed)
        {
            Unreachable(endpoint, failure);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            report.Fail("Connection", $"{endpoint.Authority} did not answer within a minute", "check that the server runs and that a proxy in front of it does not hold requests");
        }
    }

    private async Task<bool> OptionsAsync(HttpClient http, Uri endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, endpoint);
        using var response = await http.SendAsync(request, cancellationToken);
        ReportCertificate(endpoint);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            report.Fail("OPTIONS", $"{endpoint} answers 404", $"make the web server or reverse proxy forward {endpoint.AbsolutePath} (any case) to Passerelle, e.g. a rewrite rule for /Microsoft-Server-ActiveSync");
            return false;
        }

        if (!response.Headers.TryGetValues("MS-ASProtocolVersions", out var versions))
        {
            report.Fail("OPTIONS", $"HTTP {(int)response.StatusCode} without MS-ASProtocolVersions: not an ActiveSync server", "point the URL at Passerelle, not at another web application");
            return false;
        }

        report.Pass("OPTIONS", $"versions {string.Join(",", versions)}");
        return true;
    }

    private void ReportCertificate(Uri endpoint)
    {
        if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            report.Note("Certificate", "plain HTTP: phones send the password unencrypted; serve HTTPS for real phones");
            return;
        }

        if (_certificate is null)
        {
            return;
        }

        var names = $"{_certificate.GetNameInfo(X509NameType.DnsName, false)} (valid until {_certificate.NotAfter:yyyy-MM-dd})";
        if (_certificateErrors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            report.Note("Certificate", $"issued for {names}, not for {endpoint.Host}: phones refuse it; install a certificate for {endpoint.Host}");
        }
        else if (_certificateErrors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            report.Note("Certificate", $"{names} is not trusted (self-signed, or the chain is incomplete): install one from a trusted CA with its intermediates");
        }
        else
        {
            report.Pass("Certificate", names);
        }
    }

    private async Task<bool> ProvisionAsync(EasProbe probe, CancellationToken cancellationToken)
    {
        const string Ask = """
            <Provision xmlns="Provision:" xmlns:settings="Settings:">
              <settings:DeviceInformation><settings:Set><settings:Model>Passerelle check</settings:Model><settings:UserAgent>Passerelle-Check/1.0</settings:UserAgent></settings:Set></settings:DeviceInformation>
              <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies>
            </Provision>
            """;
        var first = await probe.SendAsync("Provision", Ask, cancellationToken);
        if (!Accepted("Provision", first) || PolicyKeyOf(first) is not { } key)
        {
            return false;
        }

        probe.PolicyKey = key;
        var acknowledged = await probe.SendAsync("Provision", $"""
            <Provision xmlns="Provision:"><Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>{key}</PolicyKey><Status>1</Status></Policy></Policies></Provision>
            """, cancellationToken);
        if (!Accepted("Provision", acknowledged) || PolicyKeyOf(acknowledged) is not { } final)
        {
            return false;
        }

        probe.PolicyKey = final;
        report.Pass("Provision", $"policy accepted, key {final}");
        return true;
    }

    private uint? PolicyKeyOf(EasExchange exchange)
    {
        var status = exchange.Document?.Int(Provision.Status);
        var policy = exchange.Document?.Element(Provision.Policies)?.Element(Provision.Policy);
        if (status != 1 || policy?.Int(Provision.Status) is not 1 || !uint.TryParse(policy.Value(Provision.PolicyKey), out var key))
        {
            report.Fail("Provision", $"Status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, policy status {policy?.Value(Provision.Status) ?? "missing"}",
                "see the server log for this device; `passerelle policy show --level user:EMAIL` shows the policy in force");
            return null;
        }

        return key;
    }

    private async Task<string?> FolderSyncAsync(EasProbe probe, CancellationToken cancellationToken)
    {
        var answer = await probe.SendAsync("FolderSync", """<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>""", cancellationToken);
        if (!Accepted("FolderSync", answer) || !StatusOk("FolderSync", answer, FolderHierarchy.Status))
        {
            return null;
        }

        var folders = answer.Document!.Element(FolderHierarchy.Changes)?.Elements(FolderHierarchy.Add).ToList() ?? [];
        var inbox = folders.FirstOrDefault(f => f.Value(FolderHierarchy.Type) == "2")?.Value(FolderHierarchy.ServerId);
        if (inbox is null)
        {
            report.Fail("FolderSync", $"{folders.Count} folders and no Inbox", "the mail store gives this account no Inbox: check the store's configuration (with Store.Imap, the IMAP server's INBOX)");
            return null;
        }

        report.Pass("FolderSync", $"{folders.Count} folders");
        return inbox;
    }

    private async Task<bool> SyncAsync(EasProbe probe, string inbox, CancellationToken cancellationToken)
    {
        string Request(string key) => $"""
            <Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:"><Collections><Collection>
              <SyncKey>{key}</SyncKey><CollectionId>{inbox}</CollectionId>{(key == "0" ? "" : "<GetChanges>1</GetChanges><WindowSize>5</WindowSize>")}
              <Options><airsyncbase:BodyPreference><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:TruncationSize>512</airsyncbase:TruncationSize></airsyncbase:BodyPreference></Options>
            </Collection></Collections></Sync>
            """;
        var prime = await probe.SendAsync("Sync", Request("0"), cancellationToken);
        var collection = prime.Document?.Element(AirSync.Collections)?.Element(AirSync.Collection);
        if (!Accepted("Sync", prime) || collection?.Value(AirSync.Status) != "1" || collection.Value(AirSync.SyncKey) is not { } key)
        {
            report.Fail("Sync", $"the Inbox cannot be synced (Status {collection?.Value(AirSync.Status) ?? prime.Document?.Value(AirSync.Status) ?? "missing"})", "see the server log; with Store.Imap, check that the IMAP server answers");
            return false;
        }

        var page = await probe.SendAsync("Sync", Request(key), cancellationToken);
        var items = page.Document?.Element(AirSync.Collections)?.Element(AirSync.Collection);
        var count = items?.Element(AirSync.Commands)?.Elements(AirSync.Add).Count() ?? 0;
        report.Pass("Sync", count == 0 ? "the Inbox syncs (it is empty)" : $"the Inbox syncs ({count} messages in a first window of 5)");
        return true;
    }

    private async Task PingAsync(EasProbe probe, string inbox, CancellationToken cancellationToken)
    {
        // A heartbeat of 1 s is below every server's minimum: the answer (Status 5) comes at once and names the limit.
        var answer = await probe.SendAsync("Ping", $"""<Ping xmlns="Ping:"><HeartbeatInterval>1</HeartbeatInterval><Folders><Folder><Id>{inbox}</Id><Class>Email</Class></Folder></Folders></Ping>""", cancellationToken);
        if (!Accepted("Ping", answer))
        {
            return;
        }

        switch (answer.Document?.Value(Ping.Status))
        {
            case "5":
                report.Pass("Ping", $"direct push answers; heartbeats from {answer.Document.Value(Ping.HeartbeatInterval)} s");
                break;
            case "1" or "2":
                report.Pass("Ping", "direct push answers");
                break;
            default:
                report.Fail("Ping", $"Status {answer.Document?.Value(Ping.Status) ?? "missing"}", "see the server log for this device");
                break;
        }
    }

    /// <summary>Whether an exchange got through authentication, device access and the server; reports why not.</summary>
    private bool Accepted(string step, EasExchange exchange)
    {
        var status = exchange.Document?.Children.FirstOrDefault(c => c.Name == "Status")?.Text;
        switch (exchange.Status)
        {
            case HttpStatusCode.Unauthorized:
                report.Fail(step, $"HTTP 401: wrong login or password for {login}", "check the password; with Store.Imap, the login mapping (Imap:Login) and that the IMAP server accepts it");
                return false;
            case HttpStatusCode.Forbidden:
                report.Fail(step, "HTTP 403: the device or the account is refused", $"`passerelle device show {deviceId} --user {login}` tells why; `passerelle device allow` lets it in");
                return false;
            case HttpStatusCode.ServiceUnavailable:
                report.Fail(step, $"HTTP 503: the server is busy or its store is down{(exchange.Headers.RetryAfter is { } retry ? $" (retry after {retry.Delta?.TotalSeconds} s)" : "")}", "check the store (IMAP and SMTP servers) and the server log; too many failed sign-ins also block for a while");
                return false;
            case HttpStatusCode.OK:
                break;
            default:
                report.Fail(step, $"HTTP {(int)exchange.Status}", "see the server log for this request");
                return false;
        }

        switch (status)
        {
            case "129":
                report.Fail(step, $"Status 129: the device {deviceId} is blocked for {login}", $"`passerelle device allow {deviceId} --user {login}`, or change the access rule that blocks it (`passerelle rule list`)");
                return false;
            case "141" or "142" or "143" or "144":
                report.Fail(step, $"Status {status}: the device must provision again", "the policy changed during the check; run it again");
                return false;
            case "177":
                report.Fail(step, $"Status 177: {login} has too many devices", "`passerelle device list --user` and `passerelle device remove` an old one, or raise Plugins:ActiveSync:MaxDevicesPerUser");
                return false;
            default:
                return true;
        }
    }

    private bool StatusOk(string step, EasExchange exchange, WbxmlTag statusTag)
    {
        if (exchange.Document?.Value(statusTag) == "1")
        {
            return true;
        }

        report.Fail(step, $"Status {exchange.Document?.Value(statusTag) ?? "missing"}", "see the server log for this device");
        return false;
    }

    private void Unreachable(Uri endpoint, HttpRequestException failure)
    {
        if (failure.InnerException is SocketException socket)
        {
            report.Fail("Connection", $"{endpoint.Authority}: {socket.SocketErrorCode}", socket.SocketErrorCode == SocketError.ConnectionRefused
                ? $"nothing listens on port {endpoint.Port}: check the port in the URL, the server's Urls and the firewall"
                : $"check that {endpoint.Host} resolves to the server and that port {endpoint.Port} is open");
            return;
        }

        if (failure.InnerException is System.Security.Authentication.AuthenticationException)
        {
            ReportCertificate(endpoint);
            report.Fail("Certificate", "the TLS certificate is refused", "install a trusted certificate for the host name, or run the check with --insecure to go on");
            return;
        }

        report.Fail("Connection", failure.Message, "check the URL and the network between here and the server");
    }
}
