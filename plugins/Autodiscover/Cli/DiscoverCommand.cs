using System.CommandLine;
using System.Globalization;
using Passerelle.Autodiscover.Discovery;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Autodiscover.Cli;

/// <summary>
/// <c>passerelle discover EMAIL [--password-stdin] [--dns HOST:PORT] [--insecure] [--connect-to FROM=TO]</c>:
/// finds the ActiveSync endpoint as a phone would and prints each attempt.
/// </summary>
internal static class DiscoverCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The address to discover, also the login" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var dns = new Option<string?>("--dns") { Description = "Ask this DNS server (default: the system's resolver)", HelpName = "HOST:PORT" };
        var insecure = new Option<bool>("--insecure") { Description = "Accept any TLS certificate (self-signed test servers)" };
        var connectTo = new Option<string[]>("--connect-to")
        {
            Description = "Connect to the second endpoint whenever a name resolves to the first (servers on other ports, staging); repeatable",
            HelpName = "ADDRESS:PORT=ADDRESS:PORT",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("discover", "Find an address's ActiveSync endpoint as phones do: Autodiscover URLs, HTTP redirect, SRV, then MX hosts");
        command.Arguments.Add(email);
        command.Options.Add(passwordStdin);
        command.Options.Add(dns);
        command.Options.Add(insecure);
        command.Options.Add(connectTo);
        command.SetAction(async (result, cancellationToken) =>
        {
            var address = result.GetValue(email)!.Trim();
            var options = new DiscoveryOptions
            {
                DnsServer = result.GetValue(dns) is { } server ? EndpointArgument.ParseDnsServer(server) : null,
                AcceptAnyCertificate = result.GetValue(insecure),
                ConnectTo = ConnectToMap(result.GetValue(connectTo) ?? []),
            };
            if (!IsAddress(address))
            {
                throw new CliException($"'{address}' is not an email address");
            }

            var output = result.InvocationConfiguration.Output;
            var password = await PasswordReader.ReadAsync(result.GetValue(passwordStdin), result.InvocationConfiguration.Error, cancellationToken);
            await output.WriteLineAsync($"Discovering the ActiveSync endpoint of {address}");
            var client = new DiscoveryClient(options, TimeProvider.System);
            var found = await client.DiscoverAsync(address, password, attempt => output.WriteLine(Format(attempt)), cancellationToken);
            if (!found.Found)
            {
                throw new CliException(found.Failure!);
            }

            await output.WriteLineAsync($"ActiveSync endpoint: {found.ActiveSyncUrl}");
            await output.WriteLineAsync($"User: {found.DisplayName} <{found.EmailAddress}>");
            return 0;
        });
        return command;
    }

    public static string Format(DiscoveryAttempt attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"  {attempt.Method,-4} {attempt.Target} -> {attempt.Outcome} ({attempt.Elapsed.TotalMilliseconds:0} ms)");

    private static Dictionary<System.Net.IPEndPoint, System.Net.IPEndPoint> ConnectToMap(string[] values)
    {
        var map = new Dictionary<System.Net.IPEndPoint, System.Net.IPEndPoint>();
        foreach (var (from, to) in values.Select(EndpointArgument.ParseConnectTo))
        {
            if (!map.TryAdd(from, to))
            {
                throw new CliException($"--connect-to: {from} is given twice");
            }
        }

        return map;
    }

    private static bool IsAddress(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1 && !text.Contains(' ', StringComparison.Ordinal);
    }
}
