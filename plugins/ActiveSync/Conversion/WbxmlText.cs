namespace Passerelle.ActiveSync.Conversion;

/// <summary>Text made safe for a WBXML inline string (STR_I), which a zero byte would end early.</summary>
internal static class WbxmlText
{
    public static string Safe(string text) => text.Contains('\0') ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    public static string? SafeOrNull(string? text) => text is null ? null : Safe(text);
}
