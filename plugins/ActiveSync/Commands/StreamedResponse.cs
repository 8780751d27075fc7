namespace Passerelle.ActiveSync.Commands;

/// <summary>
/// An answer written straight to the client as it is produced, with no length known beforehand: content
/// read from the store (attachments) that must not be held whole in memory.
/// </summary>
internal abstract class StreamedResponse : EasResponse
{
    /// <summary>The content type, known before the body is written.</summary>
    public abstract string ContentType { get; }

    /// <summary>Writes the body; releases what it holds once done.</summary>
    public abstract Task WriteBodyAsync(Stream body, CancellationToken cancellationToken);

    public sealed override async Task<string?> WriteAsync(Stream body, CancellationToken cancellationToken)
    {
        await WriteBodyAsync(body, cancellationToken);
        return ContentType;
    }
}
