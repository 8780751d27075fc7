using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Check;
using Passerelle.Sdk.Discovery;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary>
/// <c>passerelle check EMAIL [--password-stdin] [--url URL] [--insecure] [--device-id ID]</c>: a phone's
/// first contact, step by step, with what to fix when a step fails. Without --url the endpoint is
/// discovered as a phone would (the Autodiscover plugin).
/// </summary>
internal static class CheckCommand
{
    private const string EndpointPath = "/Microsoft-Server-ActiveSync";

    public static Command Create(CliContext context)
    {
        var email = new Argument<string>("EMAIL") { Description = "The account to check, also the login" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var url = new Option<string?>("--url") { Description = $"The server, e.g. https://mail.example.com (default: discovered); {EndpointPath} is added when the path is empty", HelpName = "URL" };
        var insecure = new Option<bool>("--insecure") { Description = "Go on with a certificate phones would refuse (reported all the same)" };
        var deviceId = new Option<string>("--device-id") { Description = "The DeviceId to check as: a phone's own shows its access state", DefaultValueFactory = _ => "PASSERELLECHECK", HelpName = "ID" };
        var command = new Command("check", "Test what a phone goes through: discovery, certificate, OPTIONS, Provision, FolderSync, Sync of the Inbox, Ping");
        command.Arguments.Add(email);
        command.Options.Add(passwordStdin);
        command.Options.Add(url);
        command.Options.Add(insecure);
        command.Options.Add(deviceId);
        command.SetAction(async (result, cancellationToken) =>
        {
            var login = result.GetValue(email)!.Trim();
            var password = await ReadPasswordAsync(result.GetValue(passwordStdin), cancellationToken);
            var output = context.Output;
            await output.WriteLineAsync($"Checking {login} as device {result.GetValue(deviceId)}");
            var report = new CheckReport(output);
            var endpoint = result.GetValue(url) is { } given
                ? Endpoint(given)
                : await DiscoverAsync(context, login, password, result.GetValue(insecure), report, cancellationToken);
            if (endpoint is not null)
            {
                await new ConnectivityCheck(login, password, result.GetValue(deviceId)!, result.GetValue(insecure), report).RunAsync(endpoint, cancellationToken);
            }

            if (report.Failed)
            {
                throw new CliException($"the check failed at {report.Cause}");
            }

            await output.WriteLineAsync("Everything a phone needs works.");
            return 0;
        });
        return command;
    }

    private static Uri Endpoint(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--url: '{text}' is not an http or https URL");
        }

        return uri.AbsolutePath is "" or "/" ? new Uri(uri, EndpointPath) : uri;
    }

    private static async Task<Uri?> DiscoverAsync(CliContext context, string login, string password, bool insecure, CheckReport report, CancellationToken cancellationToken)
    {
        if (context.Services.GetService<IEndpointDiscovery>() is not { } discovery)
        {
            throw new CliException("no --url given and the Autodiscover plugin is off: give the server's URL with --url");
        }

        var found = await discovery.DiscoverAsync(login, password, insecure, line => context.Output.WriteLine(line), cancellationToken);
        if (found.ActiveSyncUrl is null)
        {
            report.Fail("Discovery", found.Failure ?? "no endpoint found", $"publish autodiscover.{login[(login.LastIndexOf('@') + 1)..]} (or an SRV record _autodiscover._tcp) pointing at the server, or give --url");
            return null;
        }

        report.Pass("Discovery", found.ActiveSyncUrl.ToString());
        return found.ActiveSyncUrl;
    }

    private static async Task<string> ReadPasswordAsync(bool fromStandardInput, CancellationToken cancellationToken)
    {
        if (fromStandardInput)
        {
            return await Console.In.ReadLineAsync(cancellationToken) is { Length: > 0 } line
                ? line
                : throw new CliException("--password-stdin: standard input has no password line");
        }

        if (Console.IsInputRedirected)
        {
            throw new CliException("no terminal to type the password at: write it to standard input and pass --password-stdin");
        }

        Console.Error.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
