using Passerelle.Autodiscover.Cli;
using Passerelle.Sdk.Discovery;

namespace Passerelle.Autodiscover.Discovery;

/// <summary>The discovery client offered to other plugins, with the system's resolver.</summary>
internal sealed class EndpointDiscovery(TimeProvider time) : IEndpointDiscovery
{
    public async Task<EndpointDiscoveryResult> DiscoverAsync(string emailAddress, string password, bool acceptAnyCertificate, Action<string> progress, CancellationToken cancellationToken)
    {
        var client = new DiscoveryClient(new DiscoveryOptions { AcceptAnyCertificate = acceptAnyCertificate }, time);
        var found = await client.DiscoverAsync(emailAddress, password, attempt => progress(DiscoverCommand.Format(attempt)), cancellationToken);
        return new EndpointDiscoveryResult(found.ActiveSyncUrl, found.Failure);
    }
}
