namespace Passerelle.GAL.Index;

/// <summary>
/// Where an entry came from, asked for what the index does not hold: photos and certificates are read from the
/// store when a result needs them, so that 100,000 entries do not keep their photos in memory.
/// </summary>
internal interface IEntryOrigin
{
    /// <summary>The entry's photo as the store has it now, or <see langword="null"/>.</summary>
    Task<byte[]?> LoadPhotoAsync(IndexedEntry entry, CancellationToken cancellationToken);

    /// <summary>The entry's S/MIME certificates (DER).</summary>
    Task<IReadOnlyList<byte[]>> LoadCertificatesAsync(IndexedEntry entry, CancellationToken cancellationToken);
}
