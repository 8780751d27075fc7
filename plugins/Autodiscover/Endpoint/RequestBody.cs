using Microsoft.AspNetCore.Http;
using Passerelle.Autodiscover.Schema;

namespace Passerelle.Autodiscover.Endpoint;

/// <summary>Reads a request body of at most <see cref="SafeXml.MaxDocumentLength"/> bytes.</summary>
internal static class RequestBody
{
    /// <returns>The body, or null when it is longer than the limit.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SafeXml.MaxDocumentLength)
        {
            return null;
        }

        var buffer = new byte[SafeXml.MaxDocumentLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > SafeXml.MaxDocumentLength ? null : buffer.AsMemory(0, length);
    }
}
