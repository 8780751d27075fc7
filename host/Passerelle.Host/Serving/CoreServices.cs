using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Passerelle.Host.Plugins;
using Passerelle.Host.Security;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Serving;

/// <summary>The services of the host, the same for the server and for the command line, then every plugin's.</summary>
internal static class CoreServices
{
    public static void AddPasserelle(this IServiceCollection services, HostSettings settings, IConfiguration configuration, IHostEnvironment environment, LoadedPlugins plugins)
    {
        Directory.CreateDirectory(settings.FullDataDirectory);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(plugins);
        services.AddOptions<SignInOptions>().Bind(configuration.GetSection("Security:SignIn"));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInCache>();
        services.AddSingleton<ISignInService, SignInService>();

        plugins.ConfigureServices(services, name => new PluginContext(
            name,
            configuration.GetSection($"Plugins:{name}"),
            configuration,
            settings.FullDataDirectory,
            environment));
        settings.ConfigureServices?.Invoke(services);
    }
}
