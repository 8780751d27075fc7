using System.Buffers.Binary;
using Passerelle.ActiveSync.Conversion.Groupware;

namespace Passerelle.ActiveSync.Tests.Groupware;

public sealed class TimeZoneBlobTests
{
    // Northern and southern DST, zones without DST, half and quarter hours, DST at midnight, negative tzdata DST.
    public static TheoryData<string> Zones() =>
    [
        "Europe/Paris", "Europe/London", "Europe/Dublin", "America/New_York", "America/Los_Angeles", "America/Sao_Paulo",
        "America/Santiago", "Australia/Sydney", "Australia/Adelaide", "Pacific/Auckland", "Pacific/Chatham", "Asia/Tokyo",
        "Asia/Kolkata", "Asia/Kathmandu", "Africa/Johannesburg", "Australia/Brisbane", "UTC",
    ];

    [Theory]
    [MemberData(nameof(Zones))]
    public void Blob_GivesTheZonesUtcInstantsAllYear(string id)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var blob = TimeZoneBlob.Parse(TimeZoneBlob.For(zone, 2026).ToBase64());
        var device = blob.ToCustomZone();

        for (var utc = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc); utc.Year == 2026; utc = utc.AddHours(1))
        {
            Assert.Equal(zone.GetUtcOffset(utc), device.GetUtcOffset(utc));
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void Blob_ReadBack_FindsAZoneWithTheSameInstants(string id)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);

        var found = TimeZones.Find(TimeZones.IdOf(TimeZoneBlob.For(zone, 2026).ToBase64(), 2026));

        Assert.False(found.Id.StartsWith("EAS/", StringComparison.Ordinal));
        for (var utc = new DateTime(2026, 1, 1, 0, 30, 0, DateTimeKind.Utc); utc.Year == 2026; utc = utc.AddHours(1))
        {
            Assert.Equal(zone.GetUtcOffset(utc), found.GetUtcOffset(utc));
        }
    }

    [Fact]
    public void WindowsBlob_AsOutlookWritesIt_IsReadAsTheRightZone()
    {
        // W. Europe Standard Time as Windows has it: bias -60, back on the last Sunday of October at 03:00,
        // forward on the last Sunday of March at 02:00, by 60 minutes.
        var blob = Blob(-60, "W. Europe Standard Time", (10, 0, 5, 3), 0, "W. Europe Daylight Time", (3, 0, 5, 2), -60);

        var zone = TimeZones.Find(TimeZones.IdOf(blob, 2026));

        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void UnknownRule_BecomesACustomZoneWithTheDevicesInstants()
    {
        // No zone changes on the second Tuesday of May and the first Friday of November at 05:00, +3 h.
        var blob = Blob(-180, "Nowhere", (11, 5, 1, 5), 0, "Nowhere summer", (5, 2, 2, 5), -60);

        var zone = TimeZones.Find(TimeZones.IdOf(blob, 2026));

        Assert.Equal(TimeSpan.FromHours(3), zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(4), zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(blob, TimeZones.BlobOf(TimeZones.IdOf(blob, 2026), 2026));
    }

    [Fact]
    public void SwappedDayAndWeekday_AsSomeClientsSendThem_AreReadTheRightWayRound()
    {
        // FIELD-NOTES 19: wDay and wDayOfWeek swapped (week 5 in the weekday slot, Sunday 0 in the week slot).
        var zone = TimeZoneBlob.Parse(Blob(-60, "x", (10, 5, 0, 3), 0, "y", (3, 5, 0, 2), -60)).ToCustomZone();

        Assert.Equal(TimeSpan.FromHours(2), zone.GetUtcOffset(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(1), zone.GetUtcOffset(new DateTime(2026, 10, 25, 1, 0, 0, DateTimeKind.Utc)));
    }

    /// <summary>A TIME_ZONE_INFORMATION written byte by byte, as a device would (MS-ASDTYPE 2.7.6).</summary>
    internal static string Blob(int bias, string standardName, (int Month, int DayOfWeek, int Day, int Hour) standard, int standardBias, string daylightName, (int Month, int DayOfWeek, int Day, int Hour) daylight, int daylightBias)
    {
        var bytes = new byte[172];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bias);
        System.Text.Encoding.Unicode.GetBytes(standardName, bytes.AsSpan(4));
        WriteDate(bytes.AsSpan(68), standard);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(84), standardBias);
        System.Text.Encoding.Unicode.GetBytes(daylightName, bytes.AsSpan(88));
        WriteDate(bytes.AsSpan(152), daylight);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(168), daylightBias);
        return Convert.ToBase64String(bytes);
    }

    private static void WriteDate(Span<byte> span, (int Month, int DayOfWeek, int Day, int Hour) date)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)date.Month);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)date.DayOfWeek);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)date.Day);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)date.Hour);
    }
}
