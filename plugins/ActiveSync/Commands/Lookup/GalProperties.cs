using Passerelle.ActiveSync.Conversion;
using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Directory;

namespace Passerelle.ActiveSync.Commands.Lookup;

/// <summary>
/// A GAL entry as the gal:* properties of a Search or Find result (MS-ASCMD 2.2.3.139.3), with its picture from
/// 14.1 (gal:Picture: Status, and Data as base64 when the photo is included).
/// </summary>
internal static class GalProperties
{
    public static void Write(WbxmlWriter writer, GalEntry entry, ProtocolVersion version)
    {
        WriteIf(writer, Gal.DisplayName, entry.DisplayName);
        WriteIf(writer, Gal.Phone, entry.Phone);
        WriteIf(writer, Gal.Office, entry.Office);
        WriteIf(writer, Gal.Title, entry.Title);
        WriteIf(writer, Gal.Company, entry.Company);
        WriteIf(writer, Gal.Alias, entry.Alias);
        WriteIf(writer, Gal.FirstName, entry.FirstName);
        WriteIf(writer, Gal.LastName, entry.LastName);
        WriteIf(writer, Gal.HomePhone, entry.HomePhone);
        WriteIf(writer, Gal.MobilePhone, entry.MobilePhone);
        WriteIf(writer, Gal.EmailAddress, entry.EmailAddress);
        if (entry.Picture is { } picture && version >= ProtocolVersion.V141)
        {
            writer.WriteStartElement(Gal.Picture);
            writer.WriteElement(Gal.Status, (int)picture.Status);
            if (picture is { Status: GalPictureStatus.Success, Data: { } data })
            {
                writer.WriteElement(Gal.Data, Convert.ToBase64String(data));
            }

            writer.WriteEndElement();
        }
    }

    /// <summary>The Picture options of a request (MaxSize in bytes, MaxPictures), or null when it asks for none.</summary>
    /// <exception cref="SearchRequestException">A limit is not a non-negative integer.</exception>
    public static GalPictureOptions? ReadPictureOptions(WbxmlElement? picture, WbxmlTag maxSize, WbxmlTag maxPictures)
    {
        if (picture is null)
        {
            return null;
        }

        int? Limit(WbxmlTag tag) => picture.Value(tag) switch
        {
            null or "" => null,
            var text when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
            var text => throw new SearchRequestException(SearchStatus.InvalidRequest, $"{tag.Name} is '{text}'"),
        };

        return new GalPictureOptions(Limit(maxSize), Limit(maxPictures));
    }

    private static void WriteIf(WbxmlWriter writer, WbxmlTag tag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteElement(tag, WbxmlText.Safe(value));
        }
    }
}
