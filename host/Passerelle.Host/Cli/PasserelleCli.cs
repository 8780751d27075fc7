using System.CommandLine;
using System.Text.RegularExpressions;
using Passerelle.Host.Plugins;
using Passerelle.Host.Serving;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Cli;

/// <summary>
/// The <c>passerelle</c> command line: <c>serve</c> (the default), <c>plugins list</c>, and the commands
/// every enabled plugin contributes. <c>--data DIR</c> is accepted anywhere; <c>--Section:Key=value</c>
/// tokens are configuration.
/// </summary>
internal static partial class PasserelleCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HostSettings? defaults = null, CancellationToken cancellationToken = default)
    {
        var configurationTokens = args.Where(IsConfigurationToken).ToList();
        var commandTokens = args.Where(arg => !IsConfigurationToken(arg)).ToArray();
        var settings = (defaults ?? new HostSettings { DataDirectory = "" }) with
        {
            DataDirectory = FindDataOption(commandTokens)
                ?? NonEmpty(Environment.GetEnvironmentVariable("PASSERELLE_DATA"))
                ?? NonEmpty(defaults?.DataDirectory)
                ?? "data",
            ConfigurationArguments = configurationTokens,
        };

        var configuration = HostConfiguration.Build(settings);
        var plugins = new LoadedPlugins(PluginCatalog.Load(settings.PluginsDirectory, configuration));
        await using var services = new CliServices(settings, configuration, plugins);
        var context = new CliContext(services.Build, output, error);
        var root = RootCommandFactory.Create(settings, plugins, context, output);

        try
        {
            return await root.Parse(commandTokens).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return 1;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsConfigurationToken(string arg) => ConfigurationToken().IsMatch(arg);

    // --data is needed before parsing: the configuration in the data directory decides which plugins,
    // and so which commands, exist.
    private static string? FindDataOption(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--data=", StringComparison.Ordinal))
            {
                return args[i]["--data=".Length..];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^--[A-Za-z][\w.]*(:[\w.]+)+=")]
    private static partial Regex ConfigurationToken();
}
