namespace Passerelle.Autodiscover.Endpoint;

/// <summary>An Autodiscover error answer (MS-ASCMD, ErrorCode element): sent with HTTP 200, as Exchange does.</summary>
/// <param name="Code">600 (invalid request) or 601 (no provider for the requested schema).</param>
/// <param name="Message">What is wrong, for the user.</param>
/// <param name="DebugData">More detail, for the administrator.</param>
internal sealed record AutodiscoverError(int Code, string Message, string DebugData = "")
{
    public const int InvalidRequest = 600;
    public const int ProviderNotFound = 601;

    public static AutodiscoverError Invalid(string debugData) => new(InvalidRequest, "Invalid Request", debugData);

    public static AutodiscoverError NoProvider(string debugData) => new(ProviderNotFound, "Provider is not available", debugData);
}
