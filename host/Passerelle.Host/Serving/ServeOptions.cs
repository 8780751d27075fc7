namespace Passerelle.Host.Serving;

/// <summary>How <c>passerelle serve</c> was asked to run.</summary>
/// <param name="Urls">Where Kestrel listens, separated by semicolons, or <see langword="null"/> for the configuration's <c>Urls</c>.</param>
/// <param name="Demo">Whether to seed the demo data first.</param>
internal sealed record ServeOptions(string? Urls, bool Demo)
{
    public const string DefaultUrls = "http://0.0.0.0:8080;https://0.0.0.0:8443";
}
