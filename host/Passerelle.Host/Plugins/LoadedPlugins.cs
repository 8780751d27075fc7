using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Plugins;

/// <summary>The plugins of one host and what became of each; a plugin that throws while registering or mapping is reported and left out.</summary>
internal sealed class LoadedPlugins
{
    private readonly List<PluginLoadResult> _results;

    public LoadedPlugins(IEnumerable<PluginLoadResult> results) => _results = results.ToList();

    public IReadOnlyList<PluginLoadResult> Results => _results;

    public IEnumerable<IPlugin> Active => _results.Where(result => result.Loaded).Select(result => result.Plugin!);

    public bool IsLoaded(string name) => _results.Any(result => result.Name == name && result.Loaded);

    /// <summary>Lets each plugin register its services; a plugin that throws adds nothing.</summary>
    public void ConfigureServices(IServiceCollection services, Func<string, PluginContext> contextFor)
    {
        for (var i = 0; i < _results.Count; i++)
        {
            if (_results[i].Plugin is not { } plugin || !_results[i].Loaded)
            {
                continue;
            }

            var own = new ServiceCollection();
            try
            {
                plugin.ConfigureServices(own, contextFor(plugin.Name));
                foreach (var descriptor in own)
                {
                    services.Add(descriptor);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _results[i] = _results[i].Failed($"ConfigureServices failed: {exception.Message}");
            }
        }
    }

    /// <summary>Lets each plugin map its routes into a group of its own that the gate can close.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        for (var i = 0; i < _results.Count; i++)
        {
            if (_results[i].Plugin is not { } plugin || !_results[i].Loaded)
            {
                continue;
            }

            var group = endpoints.MapGroup("").WithMetadata(new PluginEndpointMetadata(plugin.Name));
            try
            {
                plugin.MapEndpoints(group);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _results[i] = _results[i].Failed($"MapEndpoints failed: {exception.Message}");
            }
        }
    }

    public void Report(ILogger logger)
    {
        foreach (var result in _results)
        {
            if (result.Loaded)
            {
                logger.LogInformation("Plugin {Plugin} {Version} loaded", result.Name, result.Version);
            }
            else if (result.Enabled)
            {
                logger.LogError("Plugin {Plugin} failed to load: {Reason}", result.Name, result.Error);
            }
            else
            {
                logger.LogInformation("Plugin {Plugin} is disabled", result.Name);
            }
        }
    }
}
