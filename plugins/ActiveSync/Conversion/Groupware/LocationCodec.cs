using Passerelle.ActiveSync.Http;
using Passerelle.ActiveSync.Wbxml;
using Base = Passerelle.ActiveSync.Wbxml.CodePages.AirSyncBase;
using Cal = Passerelle.ActiveSync.Wbxml.CodePages.Calendar;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// An event's location: calendar:Location text up to 14.1, airsyncbase:Location from 16.0 (MS-ASAIRS 2.2.2.27)
/// whose DisplayName is the text and whose other parts (street, coordinates...) are kept in the item's Extra.
/// </summary>
internal static class LocationCodec
{
    private const string Prefix = "eas:Location.";

    private static readonly WbxmlTag[] Parts =
    [
        Base.Annotation, Base.Street, Base.City, Base.State, Base.Country, Base.PostalCode, Base.Latitude, Base.Longitude,
        Base.Accuracy, Base.Altitude, Base.AltitudeAccuracy, Base.LocationUri,
    ];

    public static void Write(WbxmlWriter writer, string? location, IReadOnlyDictionary<string, string> extra, ProtocolVersion version)
    {
        if (version < ProtocolVersion.V160)
        {
            writer.WriteIf(Cal.Location, location);
            return;
        }

        var parts = Parts.Where(part => extra.ContainsKey(Prefix + part.Name)).ToList();
        if (string.IsNullOrEmpty(location) && parts.Count == 0)
        {
            return;
        }

        writer.WriteStartElement(Base.Location);
        writer.WriteIf(Base.DisplayName, location);
        foreach (var part in parts)
        {
            writer.WriteElement(part, WbxmlText.Safe(extra[Prefix + part.Name]));
        }

        writer.WriteEndElement();
    }

    /// <summary>The location text of a device's item; for 16.x, the other parts go to <paramref name="extra"/>.</summary>
    public static string? Read(IncomingItem incoming, string? current, IReadOnlyDictionary<string, string> currentExtra, Dictionary<string, string> extra, ProtocolVersion version)
    {
        if (version < ProtocolVersion.V160)
        {
            return incoming.Text(Cal.Location, current);
        }

        if (incoming.Data.Element(Base.Location) is not { } location)
        {
            if (incoming.Keeps(Base.Location))
            {
                return current;
            }

            foreach (var key in currentExtra.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                extra.Remove(key);
            }

            return null;
        }

        foreach (var part in Parts)
        {
            CalendarConverter.SetExtra(extra, Prefix + part.Name, location.Element(part)?.StringValue());
        }

        return location.Element(Base.DisplayName)?.StringValue() is { Length: > 0 } name ? name : null;
    }

    /// <summary>The location text of an exception's element, either form.</summary>
    public static string? ReadText(WbxmlElement element) =>
        element.Element(Cal.Location)?.StringValue() ?? element.Element(Base.Location)?.Element(Base.DisplayName)?.StringValue();

    public static bool Has(WbxmlElement element) => element.Element(Cal.Location) is not null || element.Element(Base.Location) is not null;
}
