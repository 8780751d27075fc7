using System.Reflection;

namespace Passerelle.Host.Plugins;

/// <summary>
/// The assemblies a plugin shares with the host; everything else a plugin loads is its own,
/// so that two plugins may use different versions of one library.
/// </summary>
internal static class SharedAssemblies
{
    /// <summary>Shared by name: the contract, and libraries whose types cross plugin boundaries.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Passerelle.Sdk",
        "MimeKit",          // in contracts and passed between plugins as parsed messages
        "BouncyCastle.Cryptography", // MimeKit's own dependency, so its cryptography types unify too
        "Microsoft.Data.Sqlite", // its native e_sqlite3 loads only from the host (DotNetCorePlugins #84)
        "SQLitePCLRaw.core",
        "System.CommandLine", // plugins contribute subcommands to the host's command line
    ];

    /// <summary>Shared by prefix: the ASP.NET Core framework and Microsoft.Extensions.*, which carry DI, configuration, logging and routing.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["Microsoft.AspNetCore.", "Microsoft.Extensions."];

    /// <summary>Whether a plugin must use the host's copy of an assembly.</summary>
    public static bool IsShared(string assemblyName) =>
        Names.Contains(assemblyName, StringComparer.OrdinalIgnoreCase)
        || Prefixes.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The shared assemblies the host can load, for the plugin loader's list.</summary>
    public static IEnumerable<AssemblyName> Available()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension);
        return platform
            .Concat(Names)
            .OfType<string>()
            .Where(IsShared)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => new AssemblyName(name));
    }
}
