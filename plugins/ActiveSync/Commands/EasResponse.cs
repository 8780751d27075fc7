using Microsoft.AspNetCore.Http;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Commands;

/// <summary>What a handler answers; written by the endpoint (with gzip when the client accepts it).</summary>
internal abstract class EasResponse
{
    public const string WbxmlContentType = "application/vnd.ms-sync.wbxml";

    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    /// <summary>Writes the body to a stream; returns its content type, or null for no body.</summary>
    public abstract Task<string?> WriteAsync(Stream body, CancellationToken cancellationToken);

    /// <summary>A WBXML document built by a writing function.</summary>
    public static EasResponse Wbxml(Action<WbxmlWriter> write) => new WbxmlResponse(write);

    /// <summary>An answer with no body (an empty Sync response meaning "nothing changed", a Ping...).</summary>
    public static EasResponse Empty() => new EmptyResponse();

    private sealed class WbxmlResponse(Action<WbxmlWriter> write) : EasResponse
    {
        public override async Task<string?> WriteAsync(Stream body, CancellationToken cancellationToken)
        {
            var writer = new WbxmlWriter(body);
            write(writer);
            await writer.FlushAsync(cancellationToken);
            return WbxmlContentType;
        }
    }

    private sealed class EmptyResponse : EasResponse
    {
        public override Task<string?> WriteAsync(Stream body, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
