namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>
/// One attachment's decoded content, for ItemOperations Fetch by FileReference. <see cref="Content"/>
/// reads from the MIME stream given to <see cref="AttachmentLocator.OpenAsync"/>: keep that stream open
/// until this is disposed.
/// </summary>
/// <param name="Name">The file name shown (as listed in Sync).</param>
/// <param name="ContentType">The MIME type, e.g. <c>image/png</c> or <c>message/rfc822</c>.</param>
/// <param name="Length">The exact length of <see cref="Content"/> in bytes.</param>
/// <param name="Content">The decoded bytes, read forward.</param>
internal sealed class AttachmentContent(string name, string contentType, long length, Stream content, IDisposable owner) : IAsyncDisposable, IDisposable
{
    public string Name { get; } = name;

    public string ContentType { get; } = contentType;

    public long Length { get; } = length;

    public Stream Content { get; } = content;

    public void Dispose()
    {
        Content.Dispose();
        owner.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner.Dispose();
    }
}
