using Passerelle.GAL.Index;
using Passerelle.Sdk.Directory;

namespace Passerelle.GAL.Search;

/// <summary>
/// Gives each result of a search its picture status (MS-ASCMD 2.2.3.135.3, statuses 173-175), in result order.
/// The photo is the first source's, in merge order, that has one. An entry without one is NoPhoto; a photo over
/// MaxSize is TooLarge (whether or not the limit is reached, so the phone does not ask again for it); once
/// MaxPictures photos were returned, the others are MaxPicturesExceeded.
/// </summary>
internal sealed class PictureSelector(GalPictureOptions options)
{
    private static readonly GalPicture NoPhoto = new(GalPictureStatus.NoPhoto, null);
    private static readonly GalPicture TooLarge = new(GalPictureStatus.TooLarge, null);
    private static readonly GalPicture LimitReached = new(GalPictureStatus.MaxPicturesExceeded, null);

    private int _returned;

    public async Task<GalPicture> SelectAsync(IReadOnlyList<IndexedEntry> entries, CancellationToken cancellationToken)
    {
        var source = entries.FirstOrDefault(entry => entry.PhotoSize > 0);
        if (source is null)
        {
            return NoPhoto;
        }

        if (IsTooLarge(source.PhotoSize))
        {
            return TooLarge;
        }

        if (_returned >= (options.MaxPictures ?? int.MaxValue))
        {
            return LimitReached;
        }

        // the indexed size may be stale: judge the photo the store has now
        var photo = await source.Origin.LoadPhotoAsync(source, cancellationToken);
        if (photo is not { Length: > 0 })
        {
            return NoPhoto;
        }

        if (IsTooLarge(photo.Length))
        {
            return TooLarge;
        }

        _returned++;
        return new GalPicture(GalPictureStatus.Success, photo);
    }

    private bool IsTooLarge(int size) => options.MaxSize is { } max && size > max;
}
