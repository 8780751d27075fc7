using System.Globalization;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.ActiveSync.Conversion.Groupware;

/// <summary>
/// The ApplicationData of a device's Add or Change, with the ghosting rules of MS-ASCMD 2.2.3.179: an
/// element the change leaves out is cleared when the device manages it (listed in its Supported, or every
/// element when it sent no Supported) and kept when the device does not (ghosted). Bodies and pictures are
/// kept when left out: devices leave out what they got truncated (MS-ASAIRS 2.2.2.9, MS-ASCNTC 2.2.2.56).
/// </summary>
internal sealed class IncomingItem(WbxmlElement data, IReadOnlySet<WbxmlTag>? supported, bool isChange)
{
    public WbxmlElement Data => data;

    public bool IsChange => isChange;

    public bool Has(WbxmlTag tag) => data.Element(tag) is not null;

    /// <summary>Whether the current value of an element the device left out stays.</summary>
    public bool Keeps(WbxmlTag tag) => isChange && !Has(tag) && supported is not null && !supported.Contains(tag);

    /// <summary>Whether an element left out keeps the current value in any case (body, picture, fields the version lacks).</summary>
    public bool KeepsAlways(WbxmlTag tag) => isChange && !Has(tag);

    public string? Text(WbxmlTag tag, string? current) =>
        data.Element(tag) is { } element ? NullIfEmpty(element.StringValue()) : Keeps(tag) ? current : null;

    public T Value<T>(WbxmlTag tag, T current, Func<string, T> parse, T absent) =>
        data.Value(tag) is { } text ? (text.Length == 0 ? absent : parse(text)) : Keeps(tag) ? current : absent;

    public int? Int(WbxmlTag tag, int? current) => Value(tag, current, text => (int?)ParseInt(text, tag), null);

    public DateTimeOffset? Date(WbxmlTag tag, DateTimeOffset? current) => Value(tag, current, text => (DateTimeOffset?)EasDate.Parse(text, tag.Name ?? "a date"), null);

    public bool Flag(WbxmlTag tag, bool current) => Value(tag, current, text => text is "1" or "true", false);

    /// <summary>The texts of a list element (Categories/Category, Children/Child).</summary>
    public IReadOnlyList<string> List(WbxmlTag list, WbxmlTag entry, IReadOnlyList<string> current) =>
        data.Element(list) is { } element
            ? element.Elements(entry).Select(e => e.StringValue()).Where(text => text.Length > 0).ToList()
            : Keeps(list) ? current : [];

    public static int ParseInt(string text, WbxmlTag tag) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConversionException($"{tag.Name} is '{text}', not an integer");

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
