using System.Collections.Concurrent;
using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Plugins;

/// <summary>
/// Finds the plugins in <c>plugins/&lt;Name&gt;/Passerelle.&lt;Name&gt;.dll</c> and loads the enabled ones,
/// each in its own load context. A plugin that fails is reported with its reason; the others still load.
/// </summary>
internal static class PluginCatalog
{
    // One load context per plugin assembly for the whole process: a test run starts many hosts,
    // and load contexts are never unloaded.
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> LoadedAssemblies = new(StringComparer.Ordinal);

    public static bool IsEnabled(IConfiguration configuration, string name) =>
        configuration.GetValue<bool?>($"Plugins:{name}:Enabled") ?? true;

    public static IReadOnlyList<PluginLoadResult> Load(string pluginsDirectory, IConfiguration configuration)
    {
        if (!Directory.Exists(pluginsDirectory))
        {
            return [];
        }

        return Directory.GetDirectories(pluginsDirectory)
            .Order(StringComparer.Ordinal)
            .Select(folder => LoadFolder(folder, configuration))
            .ToList();
    }

    private static PluginLoadResult LoadFolder(string folder, IConfiguration configuration)
    {
        var name = Path.GetFileName(folder);
        var assemblyPath = Path.Combine(folder, $"Passerelle.{name}.dll");
        var result = new PluginLoadResult(name, ReadVersion(assemblyPath), IsEnabled(configuration, name), null, null);
        if (!result.Enabled)
        {
            return result;
        }

        if (!File.Exists(assemblyPath))
        {
            return result.Failed($"no Passerelle.{name}.dll in its folder");
        }

        try
        {
            var plugin = CreatePlugin(LoadAssembly(assemblyPath));
            return plugin.Name == name
                ? result with { Plugin = plugin }
                : result.Failed($"the plugin calls itself '{plugin.Name}' but its folder is '{name}'");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return result.Failed(Explain(exception));
        }
    }

    private static Assembly LoadAssembly(string assemblyPath) =>
        LoadedAssemblies.GetOrAdd(Path.GetFullPath(assemblyPath), path => new Lazy<Assembly>(() =>
        {
            var loader = PluginLoader.CreateFromAssemblyFile(path, config =>
            {
                foreach (var shared in SharedAssemblies.Available())
                {
                    config.SharedAssemblies.Add(shared);
                }
            });
            return loader.LoadDefaultAssembly();
        })).Value;

    private static IPlugin CreatePlugin(Assembly assembly)
    {
        var types = assembly.GetTypes()
            .Where(type => typeof(IPlugin).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false })
            .ToList();
        return types switch
        {
            [var type] => (IPlugin)(Activator.CreateInstance(type, nonPublic: true)
                ?? throw new InvalidOperationException($"{type.Name} could not be created")),
            [] => throw new InvalidOperationException("the assembly has no class implementing IPlugin"),
            _ => throw new InvalidOperationException("the assembly has more than one class implementing IPlugin"),
        };
    }

    private static string Explain(Exception exception) => exception switch
    {
        ReflectionTypeLoadException { LoaderExceptions: var inner } =>
            "it references an incompatible version of a shared library: "
            + string.Join("; ", inner.OfType<Exception>().Select(e => e.Message).Distinct()),
        TypeLoadException or MissingMethodException =>
            $"it references an incompatible version of a shared library: {exception.Message}",
        TargetInvocationException { InnerException: { } inner } => Explain(inner),
        _ => exception.Message,
    };

    private static string? ReadVersion(string assemblyPath)
    {
        try
        {
            return File.Exists(assemblyPath) ? AssemblyName.GetAssemblyName(assemblyPath).Version?.ToString(3) : null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
