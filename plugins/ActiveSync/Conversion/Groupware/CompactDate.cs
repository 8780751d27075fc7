using System.Globalization;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>The Compact DateTime of calendar elements (MS-ASDTYPE 2.7.2): <c>20260301T083000Z</c>.</summary>
internal static class CompactDate
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
