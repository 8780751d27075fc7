using System.Globalization;

namespace Passerelle.ActiveSync.Http;

/// <summary>An EAS protocol version (12.0 ... 16.1), comparable.</summary>
internal readonly record struct ProtocolVersion(int Major, int Minor) : IComparable<ProtocolVersion>
{
    public static readonly ProtocolVersion V120 = new(12, 0);
    public static readonly ProtocolVersion V121 = new(12, 1);
    public static readonly ProtocolVersion V140 = new(14, 0);
    public static readonly ProtocolVersion V141 = new(14, 1);
    public static readonly ProtocolVersion V160 = new(16, 0);
    public static readonly ProtocolVersion V161 = new(16, 1);

    /// <summary>Every version the server speaks, oldest first.</summary>
    public static readonly IReadOnlyList<ProtocolVersion> Supported = [V120, V121, V140, V141, V160, V161];

    public static bool TryParse(string? text, out ProtocolVersion version)
    {
        version = default;
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var tenths = (int)(value * 10);
        version = new ProtocolVersion(tenths / 10, tenths % 10);
        return Supported.Contains(version);
    }

    public int CompareTo(ProtocolVersion other) => (Major * 10 + Minor).CompareTo(other.Major * 10 + other.Minor);

    public static bool operator <(ProtocolVersion left, ProtocolVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ProtocolVersion left, ProtocolVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ProtocolVersion left, ProtocolVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ProtocolVersion left, ProtocolVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}";
}
