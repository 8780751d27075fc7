using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Passerelle.Host.Serving;

namespace Passerelle.Host.Cli;

/// <summary><c>passerelle serve [--urls URLS] [--demo]</c>, also what <c>passerelle</c> alone does.</summary>
internal static class ServeCommand
{
    public static Command Create(HostSettings settings, TextWriter output)
    {
        var command = new Command("serve", "Run the server (the default command)");
        AddTo(command, settings, output);
        return command;
    }

    public static void AddTo(Command command, HostSettings settings, TextWriter output)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen, separated by ';' (default: the Urls setting, else {ServeOptions.DefaultUrls})",
            HelpName = "URLS",
        };
        var demo = new Option<bool>("--demo") { Description = "Seed the demo domain example.test (once) before serving" };
        command.Options.Add(urls);
        command.Options.Add(demo);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var app = PasserelleWebHost.Build(settings, new ServeOptions(result.GetValue(urls), result.GetValue(demo)), output);
            if (result.GetValue(demo))
            {
                await PasserelleWebHost.SeedDemoAsync(app.Services, output, cancellationToken);
            }

            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls)
            {
                await output.WriteLineAsync($"Listening on {address}");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
    }
}
