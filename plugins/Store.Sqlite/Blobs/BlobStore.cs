using System.Security.Cryptography;
using Passerelle.Sdk.Errors;
using Passerelle.Store.Sqlite.State;

namespace Passerelle.Store.Sqlite.Blobs;

/// <summary>
/// Message MIME and attachments as content-addressed files, <c>DATA/blobs/ab/cd/abcd…</c> (SHA-256), so that
/// a 50 MB message is streamed to and from disk and never held in memory, and one message delivered to
/// several local recipients is stored once. The index (which rows reference which blob) lives in SQLite.
/// </summary>
internal sealed class BlobStore(string root)
{
    private readonly string _staging = Path.Combine(root, "tmp");

    public void EnsureDirectories() => Directory.CreateDirectory(_staging);

    /// <summary>Copies content to a staging file while hashing it; nothing references it yet.</summary>
    /// <exception cref="MessageTooLargeException">The content is longer than <paramref name="maxSize"/>.</exception>
    public async Task<StagedBlob> StageAsync(Stream content, long? maxSize, CancellationToken cancellationToken)
    {
        EnsureDirectories();
        var path = Path.Combine(_staging, $"{Guid.NewGuid():N}.tmp");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxSize)
                    {
                        throw new MessageTooLargeException($"The message is larger than the {maxSize:N0} bytes this server accepts.");
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            return new StagedBlob(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Puts a staged file at its final place; call inside the write transaction that references it.</summary>
    public void Place(StagedBlob staged)
    {
        var target = PathOf(staged.Hash);
        if (File.Exists(target))
        {
            staged.Dispose();
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.Path, target, overwrite: true);
    }

    public Stream Open(string hash)
    {
        try
        {
            return new FileStream(PathOf(hash), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StoreUnavailableException($"The content {hash} is missing from the blob folder.", exception);
        }
    }

    public string PathOf(string hash) => Path.Combine(root, hash[..2], hash[2..4], hash);

    /// <summary>Deletes the files no row references any more; the caller holds the write lock.</summary>
    public async Task CollectAsync(StoreSession session, IEnumerable<string> hashes)
    {
        foreach (var hash in hashes)
        {
            var used = await session.ScalarAsync<long>(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE blob = $hash) OR EXISTS (SELECT 1 FROM gw_attachments WHERE blob = $hash)",
                ("$hash", hash));
            if (used == 0)
            {
                File.Delete(PathOf(hash));
            }
        }
    }
}
