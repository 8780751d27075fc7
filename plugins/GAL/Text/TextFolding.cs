using System.Globalization;
using System.Text;

namespace Passerelle.GAL.Text;

/// <summary>
/// Folds text for matching: lower case, accents removed (compatibility decomposition, then marks dropped,
/// so "Zoë", "ZOE" and fullwidth "Ｚｏｅ" fold alike), and the letters that do not decompose spelled out.
/// </summary>
internal static class TextFolding
{
    // Latin letters with accents are most of what names need: folded from a table made once, not through ICU per call.
    private const int TableSize = 0x250;
    private static readonly string?[] Table = BuildTable();

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= TableSize)
            {
                return FoldAny(text);
            }

            folded.Append(Table[c]);
        }

        return folded.ToString();
    }

    private static string FoldAny(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            folded.Append(Spelled(lower) ?? lower.ToString());
        }

        return folded.ToString();
    }

    private static string? Spelled(char lower) => lower switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        _ => null,
    };

    private static string?[] BuildTable()
    {
        var table = new string?[TableSize];
        for (var c = 0; c < TableSize; c++)
        {
            table[c] = char.IsSurrogate((char)c) ? ((char)c).ToString() : FoldAny(((char)c).ToString());
        }

        return table;
    }
}
