using System.Globalization;

namespace Passerelle.ActiveSync.Conversion;

/// <summary>The date-time strings of EAS (MS-ASDTYPE 2.3): <c>2026-03-01T08:30:00.000Z</c>, always UTC.</summary>
internal static class EasDate
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'",
        "yyyyMMdd'T'HHmmss'Z'", // the compact form some 12.x clients send
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
    ];

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <exception cref="ConversionException">The text is not an EAS date.</exception>
    public static DateTimeOffset Parse(string text, string element) =>
        DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new ConversionException($"{element} is '{text}', not a date");
}
