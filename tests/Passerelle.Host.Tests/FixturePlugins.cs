using System.Reflection;

namespace Passerelle.Host.Tests;

internal static class FixturePlugins
{
    /// <summary>The folder where the build lays out the test plugins GreeterA, GreeterB and Broken.</summary>
    public static string Directory { get; } = typeof(FixturePlugins).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FixturePluginsDirectory").Value!;
}
