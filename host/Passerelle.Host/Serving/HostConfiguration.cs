using Microsoft.Extensions.Configuration;

namespace Passerelle.Host.Serving;

/// <summary>Builds the configuration: appsettings.json next to the executable, then in the data directory,
/// then environment variables, then the command line. The two files are watched and reloaded.</summary>
internal static class HostConfiguration
{
    public static void AddPasserelleSources(this IConfigurationBuilder builder, HostSettings settings)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: true);
        builder.AddJsonFile(Path.Combine(settings.FullDataDirectory, "appsettings.json"), optional: true, reloadOnChange: true);
        builder.AddEnvironmentVariables();
        builder.AddCommandLine(settings.ConfigurationArguments.ToArray());
        builder.AddInMemoryCollection(settings.ConfigurationOverrides);
    }

    public static IConfigurationRoot Build(HostSettings settings)
    {
        var builder = new ConfigurationBuilder();
        builder.AddPasserelleSources(settings);
        return builder.Build();
    }
}
