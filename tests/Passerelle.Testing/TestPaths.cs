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

    /// <summary>Makes a new empty directory under the system's temporary folder.</summary>
    public static string NewTemporaryDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "passerelle-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
