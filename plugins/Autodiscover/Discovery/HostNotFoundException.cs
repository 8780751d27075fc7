namespace Passerelle.Autodiscover.Discovery;

/// <summary>A host name that resolves to no address.</summary>
internal sealed class HostNotFoundException(string host, string reason) : Exception($"{host}: {reason}")
{
    public string Host { get; } = host;

    public string Reason { get; } = reason;
}
