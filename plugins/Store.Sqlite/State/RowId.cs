using System.Globalization;

namespace Passerelle.Store.Sqlite.State;

/// <summary>Folder, message and item identifiers are SQLite row ids written in decimal.</summary>
internal static class RowId
{
    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string? Format(long? id) => id is { } value ? Format(value) : null;
}
