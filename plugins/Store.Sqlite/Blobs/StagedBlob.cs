namespace Passerelle.Store.Sqlite.Blobs;

/// <summary>Content written to a staging file and hashed, not yet referenced; disposing deletes the staging file.</summary>
/// <param name="Path">The staging file.</param>
/// <param name="Hash">The SHA-256 of the content, in lower-case hex.</param>
/// <param name="Size">The content's length in bytes.</param>
internal sealed record StagedBlob(string Path, string Hash, long Size) : IDisposable
{
    public void Dispose() => File.Delete(Path);
}
