using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Passerelle.GAL.Sources;

namespace Passerelle.GAL;

/// <summary>Starts indexing the flagged address books when the server starts, without delaying it.</summary>
internal sealed class GalWarmup(GalSources sources, ILogger<GalWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await sources.WarmUpAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogWarning(exception, "Indexing the flagged address books at start-up failed; they are indexed at the first search");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
