using Passerelle.ActiveSync.Wbxml;
using Passerelle.Sdk.Groupware;
using Passerelle.ActiveSync.Wbxml.CodePages;
using Base = Passerelle.ActiveSync.Wbxml.CodePages.AirSyncBase;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// A 16.x device changes one occurrence of a series with a Change whose ApplicationData carries
/// airsyncbase:InstanceId (MS-ASCMD 2.2.3.86.1): the fields given become that occurrence's exception.
/// </summary>
internal static class OccurrenceChange
{
    public static bool IsOne(WbxmlElement data) => data.Element(Base.InstanceId) is not null;

    /// <exception cref="ConversionException">The InstanceId is not a date.</exception>
    public static CalendarEvent Apply(WbxmlElement data, CalendarEvent series)
    {
        var original = CalendarConverter.ParseTime(data.Value(Base.InstanceId)) ?? throw new ConversionException("InstanceId is empty");
        var known = series.Exceptions.FirstOrDefault(e => e.OriginalStart == original) ?? new EventException(original);
        var changed = ExceptionCodec.Apply(data, known, series.TimeZoneId, series, known);
        return series with { Exceptions = [.. series.Exceptions.Where(e => e.OriginalStart != original), changed] };
    }

    /// <summary>The ApplicationData of a change deleting the occurrence a 16.x Delete names by its InstanceId.</summary>
    public static WbxmlElement DeletionOf(WbxmlElement instanceId) =>
        new(AirSync.ApplicationData, instanceId.Offset, [instanceId, new WbxmlElement(Calendar.Deleted, instanceId.Offset, [], "1", null)], null, null);
}
