using System.Net;
using System.Net.Sockets;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Autodiscover.Cli;

/// <summary>Reads the endpoints of <c>--dns HOST[:PORT]</c> and <c>--connect-to ADDRESS:PORT=ADDRESS:PORT</c>.</summary>
internal static class EndpointArgument
{
    /// <exception cref="CliException">Not an endpoint.</exception>
    public static IPEndPoint ParseDnsServer(string value)
    {
        if (IPEndPoint.TryParse(value, out var endpoint))
        {
            // IPEndPoint gives port 0 both for "::1" and for an explicit ":0".
            return endpoint.Port != 0 ? endpoint
                : value.EndsWith(":0", StringComparison.Ordinal) && (value.StartsWith('[') || value.Count(c => c == ':') == 1) ? throw new CliException($"--dns {value}: the port is not a number from 1 to 65535")
                : new IPEndPoint(endpoint.Address, 53);
        }

        var colon = value.LastIndexOf(':');
        var host = colon > 0 ? value[..colon] : value;
        var port = 53;
        if (colon > 0 && (!int.TryParse(value[(colon + 1)..], out port) || port is < 1 or > 65535))
        {
            throw new CliException($"--dns {value}: the port is not a number from 1 to 65535");
        }

        try
        {
            var address = Dns.GetHostAddresses(host).FirstOrDefault() ?? throw new CliException($"--dns {value}: {host} has no address");
            return new IPEndPoint(address, port);
        }
        catch (SocketException)
        {
            throw new CliException($"--dns {value}: the host {host} is not found");
        }
    }

    /// <exception cref="CliException">Not two endpoints with ports.</exception>
    public static KeyValuePair<IPEndPoint, IPEndPoint> ParseConnectTo(string value)
    {
        var parts = value.Split('=');
        if (parts.Length == 2 && TryParseWithPort(parts[0], out var from) && TryParseWithPort(parts[1], out var to))
        {
            return new(from, to);
        }

        throw new CliException($"--connect-to {value}: expected ADDRESS:PORT=ADDRESS:PORT, e.g. 192.0.2.10:443=127.0.0.1:8443");
    }

    private static bool TryParseWithPort(string text, out IPEndPoint endpoint) =>
        IPEndPoint.TryParse(text, out endpoint!) && endpoint.Port != 0;
}
