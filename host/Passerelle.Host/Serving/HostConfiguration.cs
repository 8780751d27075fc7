using Microsoft.Extensions.Configuration;

namespace Passerelle.Host.Serving;

/// <summary>Builds the configuration: appsettings.json next to the executable, then in the data directory,
/// then environment variables, then the command line. The server watches the two files and reloads them.</summary>
internal static class HostConfiguration
{
    public static void AddPasserelleSources(this IConfigurationBuilder builder, HostSettings settings, bool reloadOnChange = true)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange);
        builder.AddJsonFile(Path.Combine(settings.FullDataDirectory, "appsettings.json"), optional: true, reloadOnChange);
        builder.AddEnvironmentVariables();
        builder.AddCommandLine(settings.ConfigurationArguments.ToArray());
        builder.AddInMemoryCollection(settings.ConfigurationOverrides);
    }

    /// <summary>The command line's configuration, read once: a file watcher per command would hold an inotify
    /// instance until collected, and commands run in-process (tests) would exhaust the limit (128 by default).</summary>
    public static IConfigurationRoot Build(HostSettings settings)
    {
        var builder = new ConfigurationBuilder();
        builder.AddPasserelleSources(settings, reloadOnChange: false);
        return builder.Build();
    }
}
