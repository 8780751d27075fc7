using Passerelle.ActiveSync.Sync;

namespace Passerelle.ActiveSync.Conversion.Email;

/// <summary>The body a device gets: its type and how much of it.</summary>
/// <param name="Type">1 plain text, 2 HTML, 4 MIME.</param>
/// <param name="TruncationSize">The most bytes sent, or null for all.</param>
/// <param name="AllOrNone">Send no data rather than cut it.</param>
/// <param name="Preview">Characters of plain-text preview (14.0+), or null.</param>
internal readonly record struct BodyChoice(int Type, long? TruncationSize, bool AllOrNone, int? Preview)
{
    public const int PlainText = 1;
    public const int Html = 2;
    public const int Rtf = 3;
    public const int Mime = 4;

    /// <summary>
    /// MS-ASAIRS 2.2.2.12, MS-ASCMD 2.2.3.110: MIME when MIMESupport asks for it (2, or 1 and an S/MIME
    /// message); otherwise the richest type among the BodyPreferences, HTML over plain text, MIME
    /// last (a client that lists only type 4 gets MIME even without MIMESupport, as Z-Push learned).
    /// RTF is not offered: the next preference, else plain text. Policy limits apply last.
    /// </summary>
    public static BodyChoice For(EmailOptions options, bool isSmime)
    {
        var preferences = options.BodyPreferences;
        var mimeRequired = !options.TextOnly && (options.MimeSupport == 2 || (options.MimeSupport == 1 && isSmime));
        BodyPreference? chosen;
        if (mimeRequired)
        {
            chosen = preferences.FirstOrDefault(p => p.Type == Mime) ?? new BodyPreference(Mime) { TruncationSize = MimeTruncationSize(options.MimeTruncation) };
        }
        else
        {
            chosen = preferences.Where(p => Usable(p.Type, options)).MaxBy(p => Rank(p.Type));
            chosen ??= preferences.FirstOrDefault() is { } first ? first with { Type = PlainText } : new BodyPreference(PlainText);
            if (chosen.Type == Mime && chosen.TruncationSize is null)
            {
                chosen = chosen with { TruncationSize = MimeTruncationSize(options.MimeTruncation) };
            }
        }

        var truncation = Min(chosen.TruncationSize, options.MaxBodySize);
        return new BodyChoice(chosen.Type, truncation, chosen.AllOrNone, chosen.Preview is > 0 ? Math.Min(chosen.Preview.Value, 255) : null);
    }

    /// <summary>MS-ASCMD 2.2.3.109 MIMETruncation: 0 no text, 1-7 4 KB ... 100 KB, 8 (or none) everything.</summary>
    public static long? MimeTruncationSize(int? code) => code switch
    {
        0 => 0,
        1 => 4096,
        2 => 5120,
        3 => 7168,
        4 => 10240,
        5 => 20480,
        6 => 51200,
        7 => 102400,
        _ => null,
    };

    private static bool Usable(int type, EmailOptions options) => type switch
    {
        PlainText => true,
        Html => !options.TextOnly,
        Mime => !options.TextOnly && options.MimeSupport != 1,
        _ => false,
    };

    private static int Rank(int type) => type switch
    {
        Html => 3,
        PlainText => 2,
        _ => 1,
    };

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
