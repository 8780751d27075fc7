using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Groupware;
using Passerelle.Sdk.Plugins;

namespace Fixtures.ConfiguredStore;

/// <summary>
/// A test store: accounts and groups from <c>Plugins:ConfiguredStore</c>, read again when the configuration
/// reloads (the data directory's appsettings.json is watched, so editing it is a change made by another
/// process); contact folders seeded from the same section, then kept in memory and changed through
/// <see cref="IGroupwareStore"/>, with a change feed.
/// </summary>
internal sealed class ConfiguredStorePlugin : IPlugin
{
    public string Name => "ConfiguredStore";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        var live = new LiveStoreData(context.Configuration);
        var feed = new MemoryChangeFeed();
        services.AddSingleton<IAccountDirectory>(new ConfiguredDirectory(() => live.Current));
        services.AddSingleton(feed);
        services.AddSingleton<IChangeFeed>(feed);
        services.AddSingleton<IGroupwareStore>(provider => new MemoryGroupware(live.Current, feed, provider.GetRequiredService<TimeProvider>()));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    private sealed class LiveStoreData
    {
        private volatile StoreData _current;

        public LiveStoreData(IConfiguration configuration)
        {
            _current = Bind(configuration);
            ChangeToken.OnChange(configuration.GetReloadToken, () => _current = Bind(configuration));
        }

        public StoreData Current => _current;

        private static StoreData Bind(IConfiguration configuration) => configuration.Get<StoreData>() ?? new StoreData();
    }
}
