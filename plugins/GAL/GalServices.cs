using Microsoft.Extensions.DependencyInjection.Extensions;
using Passerelle.GAL;
using Passerelle.GAL.Flags;
using Passerelle.GAL.Search;
using Passerelle.GAL.Sources;
using Passerelle.Sdk.Directory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GAL's services.</summary>
internal static class GalServices
{
    public static IServiceCollection AddGal(this IServiceCollection services, GalOptions options, string flagFile)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(provider => new GalFlagStore(flagFile, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new GalStores(provider));
        services.AddSingleton<GalSources>();
        services.AddSingleton<IGalProvider, AggregatingGalProvider>();
        services.AddHostedService<GalWarmup>();
        return services;
    }
}
