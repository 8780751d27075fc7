using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.Host.Serving;

/// <summary>Where the host finds its data, its plugins and its configuration.</summary>
internal sealed record HostSettings
{
    /// <summary>The data directory: SQLite files, the generated certificate, logs.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The folder holding one subfolder per plugin; next to the executable by default.</summary>
    public string PluginsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Configuration given as command-line tokens (<c>--Plugins:GAL:Enabled=false</c>).</summary>
    public IReadOnlyList<string> ConfigurationArguments { get; init; } = [];

    /// <summary>Configuration values that override every other source (tests).</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Replaces or adds services after every plugin registered its own (tests: a fake clock).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The data directory as an absolute path.</summary>
    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
