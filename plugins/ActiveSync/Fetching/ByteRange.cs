using System.Globalization;

namespace Passerelle.ActiveSync.Fetching;

/// <summary>An ItemOperations Range, <c>first-last</c> in bytes, both inclusive (MS-ASCMD 2.2.3.139.1).</summary>
internal readonly record struct ByteRange(long First, long Last)
{
    public static bool TryParse(string? text, out ByteRange range)
    {
        range = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || last < first)
        {
            return false;
        }

        range = new ByteRange(first, last);
        return true;
    }

    /// <summary>The part of this range inside content of <paramref name="length"/> bytes, or null when it starts past the end.</summary>
    public ByteRange? Within(long length) => First >= length ? null : new ByteRange(First, Math.Min(Last, length - 1));

    public long Count => Last - First + 1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
