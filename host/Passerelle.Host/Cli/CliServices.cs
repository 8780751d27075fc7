using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Passerelle.Host.Plugins;
using Passerelle.Host.Serving;

namespace Passerelle.Host.Cli;

/// <summary>The services a command runs with: the server's, without Kestrel, built only when a command asks.</summary>
internal sealed class CliServices(HostSettings settings, IConfigurationRoot configuration, LoadedPlugins plugins) : IAsyncDisposable
{
    private ServiceProvider? _provider;

    public IServiceProvider Build()
    {
        if (_provider is not null)
        {
            return _provider;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Passerelle.Host.Security", LogLevel.Error));
        var environment = new HostingEnvironment
        {
            ApplicationName = "passerelle",
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ContentRootFileProvider = new NullFileProvider(),
        };
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddPasserelle(settings, configuration, environment, plugins);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return _provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        (configuration as IDisposable)?.Dispose();
    }
}
