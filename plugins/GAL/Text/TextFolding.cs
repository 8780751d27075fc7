using System.Globalization;
using System.Text;

namespace Passerelle.GAL.Text;

/// <summary>
/// Folds text for matching: lower case, accents removed (compatibility decomposition, then marks dropped,
/// so "Zoë", "ZOE" and fullwidth "Ｚｏｅ" fold alike), and the letters that do not decompose spelled out.
/// </summary>
internal static class TextFolding
{
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

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            folded.Append(lower switch
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
            } ?? lower.ToString());
        }

        return folded.ToString();
    }
}
