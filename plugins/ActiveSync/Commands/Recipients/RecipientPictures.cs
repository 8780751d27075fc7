using Passerelle.Sdk.Directory;

namespace Passerelle.ActiveSync.Commands.Recipients;

/// <summary>
/// The photos of resolved recipients (MS-ASCMD 2.2.3.135.2). <see cref="IGalProvider.ResolveAsync"/> carries no
/// photos, so each is found by a GAL search on the address's local part, keeping the entry of that address; the
/// MaxPictures limit is counted across the whole response.
/// </summary>
internal sealed class RecipientPictures(IGalProvider? provider, string accountId, GalPictureOptions options)
{
    private static readonly GalPicture NoPhoto = new(GalPictureStatus.NoPhoto, null);
    private int _returned;

    public async Task<GalPicture> ForAsync(string address, CancellationToken cancellationToken)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (provider is null || at <= 0)
        {
            return NoPhoto;
        }

        var found = await provider.SearchAsync(accountId, new GalQuery(address[..at], 0, 100) { Pictures = options with { MaxPictures = null } }, cancellationToken);
        var picture = found.Entries.FirstOrDefault(e => e.EmailAddress.Equals(address, StringComparison.OrdinalIgnoreCase))?.Picture ?? NoPhoto;
        if (picture.Status != GalPictureStatus.Success)
        {
            return picture;
        }

        if (_returned >= (options.MaxPictures ?? int.MaxValue))
        {
            return new GalPicture(GalPictureStatus.MaxPicturesExceeded, null);
        }

        _returned++;
        return picture;
    }
}
