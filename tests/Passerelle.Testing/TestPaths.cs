using System.Reflection;

namespace Passerelle.Testing;

/// <summary>Where the built host and its plugins are, and fresh temporary directories.</summary>
public static class TestPaths
{
    /// <summary>The host's output folder, with its <c>plugins/</c> folder laid out by the build.</summary>
    public static string HostDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PasserelleHostDirectory").Value!;

    /// <summary>The host's plugins folder.</summary>
    public static string PluginsDirectory => Path.Combine(HostDirectory, "plugins");

    /// <summary>The host executable's assembly, to run the CLI as a separate process.</summary>
    public static string HostAssembly => Path.Combine(HostDirectory, "passerelle.dll");

    /// <summary>
    /// A new plugins folder holding only the given plugins, as symbolic links to the folders the build laid out:
    /// each real plugin by name from <see cref="PluginsDirectory"/>, each fixture plugin from the folder that the
    /// test assembly's <c>AssemblyMetadata</c> <paramref name="fixturesKey"/> names.
    /// </summary>
    public static string PluginsFolderWith(Assembly testAssembly, string fixturesKey, string[] realPlugins, string[] fixturePlugins)
    {
        var fixtures = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == fixturesKey).Value!;
        var folder = NewTemporaryDirectory("plugins");
        foreach (var name in realPlugins)
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, name), Path.Combine(PluginsDirectory, name));
        }

        foreach (var name in fixturePlugins)
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, name), Path.Combine(fixtures, name));
        }

        return folder;
    }

    /// <summary>Makes a new empty directory under the system's temporary folder.</summary>
    public static string NewTemporaryDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "passerelle-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
