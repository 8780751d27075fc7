namespace Passerelle.Sdk.Plugins;

/// <summary>What a plugin's command sees when it runs.</summary>
public sealed class CliContext
{
    private readonly Lazy<IServiceProvider> _services;

    /// <summary>Creates a context whose services are built when first asked for.</summary>
    /// <param name="services">Builds the service provider of the host and every enabled plugin.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where error lines go.</param>
    public CliContext(Func<IServiceProvider> services, TextWriter output, TextWriter error)
    {
        _services = new Lazy<IServiceProvider>(services);
        Output = output;
        Error = error;
    }

    /// <summary>The same services the server uses, on the same data directory.</summary>
    public IServiceProvider Services => _services.Value;

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }
}
