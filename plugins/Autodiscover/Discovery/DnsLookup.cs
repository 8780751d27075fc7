using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace Passerelle.Autodiscover.Discovery;

/// <summary>
/// DNS for discovery: SRV and MX through DnsClient, addresses through the same server when one is configured
/// (so that a test or a staging zone is seen whole), else through the system's resolver (which also reads /etc/hosts).
/// </summary>
internal sealed class DnsLookup
{
    private readonly LookupClient _client;
    private readonly bool _systemAddresses;

    public DnsLookup(IPEndPoint? server, TimeSpan timeout)
    {
        var options = server is null ? new LookupClientOptions() : new LookupClientOptions(new NameServer(server));
        options.UseCache = false;
        options.Timeout = timeout;
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        options.UseTcpFallback = true;
        _client = new LookupClient(options);
        _systemAddresses = server is null;
    }

    /// <summary>The addresses of a host.</summary>
    /// <exception cref="HostNotFoundException">The name has no address.</exception>
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (_systemAddresses)
        {
            try
            {
                return await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException exception)
            {
                throw new HostNotFoundException(host, exception.SocketErrorCode == SocketError.HostNotFound ? "name not found" : exception.Message);
            }
        }

        var v4 = await QueryAsync(host, QueryType.A, cancellationToken);
        var addresses = v4.Records.OfType<ARecord>().Select(r => r.Address).ToList();
        if (addresses.Count == 0 && v4.Failure is null)
        {
            var v6 = await QueryAsync(host, QueryType.AAAA, cancellationToken);
            addresses.AddRange(v6.Records.OfType<AaaaRecord>().Select(r => r.Address));
        }

        return addresses.Count > 0 ? addresses : throw new HostNotFoundException(host, v4.Failure ?? "no address for the name");
    }

    /// <summary>SRV targets by priority, then by weight, heaviest first (RFC 2782, without the random draw).</summary>
    public async Task<(IReadOnlyList<(string Host, int Port)> Targets, string? Failure)> SrvAsync(string name, CancellationToken cancellationToken)
    {
        var answer = await QueryAsync(name, QueryType.SRV, cancellationToken);
        var targets = answer.Records.OfType<SrvRecord>()
            .Where(r => r.Target.Value != ".")
            .OrderBy(r => r.Priority).ThenByDescending(r => r.Weight)
            .Select(r => (r.Target.Value.TrimEnd('.'), (int)r.Port))
            .ToList();
        return (targets, answer.Failure);
    }

    /// <summary>MX hosts by preference; a null MX (RFC 7505) says the domain takes no mail.</summary>
    public async Task<(IReadOnlyList<string> Hosts, string? Failure)> MxAsync(string domain, CancellationToken cancellationToken)
    {
        var answer = await QueryAsync(domain, QueryType.MX, cancellationToken);
        var hosts = answer.Records.OfType<MxRecord>()
            .Where(r => r.Exchange.Value != ".")
            .OrderBy(r => r.Preference)
            .Select(r => r.Exchange.Value.TrimEnd('.'))
            .ToList();
        return (hosts, answer.Failure);
    }

    private async Task<(IReadOnlyList<DnsResourceRecord> Records, string? Failure)> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(name, type, QueryClass.IN, cancellationToken);
            if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
            {
                return ([], "name not found");
            }

            return response.HasError ? ([], $"DNS error: {response.ErrorMessage}") : (response.Answers, null);
        }
        catch (DnsResponseException exception)
        {
            return ([], $"DNS error: {exception.Message}");
        }
    }
}
