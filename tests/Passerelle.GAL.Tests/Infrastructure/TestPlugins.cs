using Passerelle.Testing;

namespace Passerelle.GAL.Tests.Infrastructure;

/// <summary>
/// A plugins folder with the real GAL plugin and the ConfiguredStore test store, as symbolic links to the folders
/// the build laid out. Made once per test run: the host loads each plugin path once per process.
/// </summary>
internal static class TestPlugins
{
    private static readonly Lazy<string> Folder = new(Create);

    public static string Directory => Folder.Value;

    private static string Create() =>
        TestPaths.PluginsFolderWith(typeof(TestPlugins).Assembly, "StorePluginsDirectory", ["GAL"], ["ConfiguredStore"]);
}
