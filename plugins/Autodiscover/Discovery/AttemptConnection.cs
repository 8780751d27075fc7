using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Passerelle.Autodiscover.Discovery;

/// <summary>
/// The HTTP handler of one attempt: resolves names through <see cref="DnsLookup"/>, applies
/// <see cref="DiscoveryOptions.ConnectTo"/>, checks the certificate, and remembers why a connection failed.
/// A new one per attempt, so that no connection is reused between attempts (each one is what a phone would see).
/// </summary>
internal sealed class AttemptConnection : IDisposable
{
    private readonly DiscoveryOptions _options;
    private readonly DnsLookup _dns;
    private string? _tlsFailure;

    public AttemptConnection(DiscoveryOptions options, DnsLookup dns)
    {
        _options = options;
        _dns = dns;
        Handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = options.AttemptTimeout,
            ConnectCallback = ConnectAsync,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateCertificate },
        };
    }

    public SocketsHttpHandler Handler { get; }

    /// <summary>Says in words why the request failed.</summary>
    public string Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case HostNotFoundException notFound:
                    return notFound.Reason;
                case AuthenticationException when _tlsFailure is not null:
                    return _tlsFailure;
                case AuthenticationException tls:
                    return $"TLS handshake failed ({tls.Message})";
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.TimedOut => "connection timed out",
                        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                        SocketError.ConnectionReset => "connection reset",
                        _ => socket.Message,
                    };
                case TimeoutException or TaskCanceledException or OperationCanceledException:
                    return string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s");
            }
        }

        return exception.Message;
    }

    public void Dispose() => Handler.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IReadOnlyList<IPAddress> addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _dns.ResolveAsync(host, cancellationToken);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var endpoint = new IPEndPoint(address, context.DnsEndPoint.Port);
            endpoint = _options.ConnectTo.GetValueOrDefault(endpoint, endpoint);
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_options.AcceptAnyCertificate || errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is not null && ChainsToTrustedRoot(certificate))
        {
            return true;
        }

        _tlsFailure = errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) ? "certificate name mismatch (the certificate does not name this host)"
            : errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) ? "no certificate presented"
            : $"certificate not trusted ({string.Join(", ", chain?.ChainStatus.Select(s => s.Status) ?? [])}); --insecure accepts it";
        return false;
    }

    private bool ChainsToTrustedRoot(X509Certificate certificate)
    {
        if (_options.TrustedRoots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_options.TrustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
