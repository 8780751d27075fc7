using System.Collections.Concurrent;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// Between the store's IANA zone ids and calendar:Timezone blobs. A blob names no zone, so the zone is the
/// one whose rule in the event's year is the blob's: first the zone its name gives (a Windows id), then
/// the canonical zone of a Windows id, then any. A rule no zone follows becomes a custom zone whose id
/// carries the blob, so nothing is guessed and the instants stay right (FIELD-NOTES 19).
/// </summary>
internal static class TimeZones
{
    private const string CustomPrefix = "EAS/";

    private static readonly ConcurrentDictionary<int, IReadOnlyList<(string Id, TimeZoneBlob Blob)>> ByYear = new();

    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> Candidates = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .OrderByDescending(IsCanonicalForWindows)
            .ThenBy(zone => zone.Id, StringComparer.Ordinal)
            .ToList());

    /// <summary>The zone of an id the store holds; unknown ids are UTC.</summary>
    public static TimeZoneInfo Find(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Utc;
        }

        if (id.StartsWith(CustomPrefix, StringComparison.Ordinal))
        {
            try
            {
                return TimeZoneBlob.Parse(id[CustomPrefix.Length..]).ToCustomZone();
            }
            catch (ConversionException)
            {
                return TimeZoneInfo.Utc;
            }
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The blob of a zone id for an event in <paramref name="year"/>.</summary>
    public static string BlobOf(string? id, int year) =>
        id?.StartsWith(CustomPrefix, StringComparison.Ordinal) == true ? id[CustomPrefix.Length..] : TimeZoneBlob.For(Find(id), year).ToBase64();

    /// <summary>The store's zone id for a blob a device sent for an event in <paramref name="year"/>.</summary>
    /// <exception cref="ConversionException">The blob is malformed.</exception>
    public static string IdOf(string base64, int year)
    {
        var blob = TimeZoneBlob.Parse(base64);
        if (ByName(blob.StandardName) is { } named && TimeZoneBlob.For(named, year).SameRuleAs(blob))
        {
            return named.HasIanaId ? named.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(named.Id, out var iana) ? iana : named.Id;
        }

        foreach (var (id, candidate) in ByYear.GetOrAdd(year, Compute))
        {
            if (candidate.SameRuleAs(blob))
            {
                return id;
            }
        }

        return CustomPrefix + blob.ToBase64();
    }

    private static TimeZoneInfo? ByName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(name, out var iana) && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var zone))
        {
            return zone;
        }

        return name.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var byIana) ? byIana : null;
    }

    private static IReadOnlyList<(string, TimeZoneBlob)> Compute(int year) =>
        Candidates.Value.Select(zone => (zone.Id, TimeZoneBlob.For(zone, year))).ToList();

    // Among zones with the same rule, prefer the one a Windows zone maps to (Europe/Berlin before Europe/Oslo).
    private static bool IsCanonicalForWindows(TimeZoneInfo zone) =>
        TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows)
        && TimeZoneInfo.TryConvertWindowsIdToIanaId(windows, null, out var canonical)
        && canonical == zone.Id;
}
