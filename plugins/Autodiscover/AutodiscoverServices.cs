using Passerelle.Autodiscover;
using Passerelle.Autodiscover.Endpoint;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Autodiscover endpoint's services.</summary>
internal static class AutodiscoverServices
{
    public static IServiceCollection AddAutodiscover(this IServiceCollection services, AutodiscoverOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ServedDomains>();
        services.AddSingleton<AutodiscoverResponder>();
        services.AddSingleton<AutodiscoverRedirectTarget>();
        services.AddSingleton<Passerelle.Sdk.Discovery.IEndpointDiscovery, Passerelle.Autodiscover.Discovery.EndpointDiscovery>();
        return services;
    }
}
